package cn.jiaxiao.provisioning.group;

import java.util.List;

/** 自建用户组: a sender's own list of guardians and staff. */
public record RecipientGroup(long id, long ownerId, String name, List<Long> guardianIds, List<Long> staffIds) {

    public RecipientGroup {
        guardianIds = List.copyOf(guardianIds);
        staffIds = List.copyOf(staffIds);
    }
}
