package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import java.util.Set;

/** A queued message a sender has locked, with the parts the SMSC already accepted on earlier attempts. */
public record ClaimedMessage(long id, long noticeId, MobileNumber recipient, String body, int attempts,
        Set<Integer> acceptedParts) {

    public ClaimedMessage {
        acceptedParts = Set.copyOf(acceptedParts);
    }

    public ClaimedMessage withAcceptedParts(Set<Integer> parts) {
        return new ClaimedMessage(id, noticeId, recipient, body, attempts, parts);
    }
}
