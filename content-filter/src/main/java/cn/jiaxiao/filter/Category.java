package cn.jiaxiao.filter;

/**
 * What a finding is about. The first nine map to the banned-content list of the school rules (§3, items 1–8;
 * item 6 "typos and ungrammatical sentences" is split into TYPO and GRAMMAR because they are detected
 * differently); the rest come from the class-group rules and SMS hygiene.
 */
public enum Category {
    SUBVERSION(Group.BANNED, 1),
    RUMOUR(Group.BANNED, 2),
    OBSCENE_GAMBLING_VIOLENCE(Group.BANNED, 3),
    INSULT(Group.BANNED, 4),
    STATE_ORGANS(Group.BANNED, 5),
    TYPO(Group.LANGUAGE, 6),
    GRAMMAR(Group.LANGUAGE, 6),
    SCHOOL_IMAGE(Group.BANNED, 7),
    NEGATIVE(Group.BANNED, 8),
    RANKING(Group.POLICY, 0),
    INDIVIDUAL_NEGATIVE(Group.POLICY, 0),
    COMMERCIAL(Group.POLICY, 0),
    UNKNOWN_LINK(Group.POLICY, 0),
    PERSONAL_DATA(Group.PERSONAL, 0),
    SMS_HYGIENE(Group.HYGIENE, 0);

    public enum Group { BANNED, LANGUAGE, POLICY, PERSONAL, HYGIENE }

    private final Group group;
    private final int schoolRule;

    Category(Group group, int schoolRule) {
        this.group = group;
        this.schoolRule = schoolRule;
    }

    public Group group() {
        return group;
    }

    /** Item number in school-rules §3 "blocked outright", or 0 when the category comes from elsewhere. */
    public int schoolRule() {
        return schoolRule;
    }

    public boolean isBanned() {
        return group == Group.BANNED;
    }
}
