package cn.jiaxiao.provisioning.people;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import java.util.List;

/**
 * A guardian reached by a notice, with the children through whom he is reached. One per guardian, however
 * many of his children the audience covers, so that he gets one message naming them all.
 */
public record GuardianContact(long guardianId, String name, MobileNumber mobile, String email,
        List<StudentRef> children) {

    public GuardianContact {
        children = List.copyOf(children);
    }
}
