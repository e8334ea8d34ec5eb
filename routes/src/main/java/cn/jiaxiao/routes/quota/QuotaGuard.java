package cn.jiaxiao.routes.quota;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.routes.notice.Notice;

/**
 * What the notice workflow asks of the quotas, in its own transaction, at each step. A refusal is a
 * {@link QuotaExceededException} (422) and rolls the step back: nothing is queued.
 */
public interface QuotaGuard {

    /** No quotas: every step passes. */
    QuotaGuard NONE = new QuotaGuard() {
    };

    /** Submitted (stored, its audience linked): checks the SMS quotas and the per-recipient cap. */
    default void submitted(Notice notice, StaffAccount drafter) {
    }

    /** Approved but not sent yet (scheduled, or awaiting its sender's release): checks the SMS quotas again. */
    default void approved(Notice notice) {
    }

    /** Released for sending now: takes its parts from the quotas, or refuses. */
    default void released(Notice notice) {
    }

    /** A scheduled notice whose time has come: takes its parts, even beyond a limit. */
    default void releasedOnSchedule(Notice notice) {
    }

    /** Cancelled: gives back what it took, if anything. */
    default void cancelled(Notice notice) {
    }
}
