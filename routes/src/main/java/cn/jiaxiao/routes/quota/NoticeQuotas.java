package cn.jiaxiao.routes.quota;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.routes.notice.Notice;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The quotas of issue 7 as the workflow's {@link QuotaGuard}: SMS quotas per account and per unit (checked at
 * submission and approval, taken at release) and the per-recipient daily cap (checked at submission).
 * Emergency notices are exempt from all of them.
 */
public class NoticeQuotas implements QuotaGuard {

    private final QuotaLedger ledger;
    private final RecipientCap recipients;
    private final StaffAccountRepository accounts;
    private final ToIntFunction<Notice> smsParts;

    /** @param smsParts the SMS parts sending a notice takes (the fan-out's estimate) */
    public NoticeQuotas(QuotaLedger ledger, RecipientCap recipients, StaffAccountRepository accounts,
            ToIntFunction<Notice> smsParts) {
        this.ledger = ledger;
        this.recipients = recipients;
        this.accounts = accounts;
        this.smsParts = smsParts;
    }

    @Override
    public void submitted(Notice notice, StaffAccount drafter) {
        if (notice.isEmergency()) {
            return;
        }
        refuseShort(drafter, smsParts.applyAsInt(notice));
        recipients.check(notice);
    }

    @Override
    public void approved(Notice notice) {
        if (!notice.isEmergency()) {
            refuseShort(accounts.findById(notice.drafterId()).orElseThrow(), smsParts.applyAsInt(notice));
        }
    }

    @Override
    public void released(Notice notice) {
        if (!notice.isEmergency()) {
            ledger.consume(notice, smsParts.applyAsInt(notice));
        }
    }

    @Override
    public void releasedOnSchedule(Notice notice) {
        if (!notice.isEmergency()) {
            ledger.consumeRegardless(notice, smsParts.applyAsInt(notice));
        }
    }

    @Override
    public void cancelled(Notice notice) {
        ledger.refund(notice.id());
    }

    private void refuseShort(StaffAccount drafter, int parts) {
        List<QuotaShortfall> shortfalls = ledger.shortfalls(drafter, parts);
        if (!shortfalls.isEmpty()) {
            throw QuotaExceededException.sms(shortfalls);
        }
    }
}
