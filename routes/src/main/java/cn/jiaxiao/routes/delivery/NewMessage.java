package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.provisioning.contact.MobileNumber;

/** A rendered message for one recipient, before it is stored. */
public record NewMessage(long noticeId, String channel, Long guardianId, Long staffId, MobileNumber recipient,
        String body, int segments) {
}
