package cn.jiaxiao.routes.smpp;

import java.util.Set;

/** SMPP 3.4 command_status values the gateway treats specially. */
public final class CommandStatus {

    public static final int ESME_RMSGQFUL = 0x14;
    public static final int ESME_RTHROTTLED = 0x58;
    public static final int ESME_RSYSERR = 0x08;
    public static final int ESME_RSUBMITFAIL = 0x45;
    public static final int ESME_RX_T_APPN = 0x64;

    /** Errors that say "not now" rather than "never": the same message is submitted again later. */
    private static final Set<Integer> TEMPORARY = Set.of(ESME_RMSGQFUL, ESME_RTHROTTLED, ESME_RSYSERR,
            ESME_RSUBMITFAIL, ESME_RX_T_APPN);

    private CommandStatus() {
    }

    public static boolean isTemporary(int status) {
        return TEMPORARY.contains(status);
    }
}
