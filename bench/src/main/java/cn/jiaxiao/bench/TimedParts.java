package cn.jiaxiao.bench;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.routes.delivery.BatchOutcome;
import cn.jiaxiao.routes.delivery.ClaimedMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.SendHold;
import cn.jiaxiao.routes.sms.SmsSender;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.smpp.SubmitFailure;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The project's own sender, repository and notice completion, each call timed and then passed to the real
 * implementation unchanged: where a message's time goes inside the consumer thread.
 */
final class TimedParts {

    private TimedParts() {
    }

    static final class Messages extends OutboundMessageRepository {
        private final StepTimes times;

        Messages(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, Duration claimLease, StepTimes times) {
            super(jdbc, cipher, claimLease);
            this.times = times;
        }

        @Override
        public List<ClaimedMessage> lockQueued(Collection<Long> ids) {
            return times.time("1 lockQueued (select..for update skip locked, per batch)", () -> super.lockQueued(ids));
        }

        @Override
        public void recordOutcome(BatchOutcome outcome, boolean again) {
            times.time("3 recordOutcome (update, insert parts, settle; per batch)",
                    () -> super.recordOutcome(outcome, again));
        }
    }

    /** Times the whole of send(); the SMPP submit is what is left after the database steps. */
    static final class Sender extends SmsSender {
        private final StepTimes times;

        Sender(OutboundMessageRepository messages, SmppClient smpp, TransactionOperations tx, Duration retryWindow,
                Executor submitters, StepTimes times) {
            super(messages, smpp, tx, retryWindow, submitters, SendHold.NONE);
            this.times = times;
        }

        @Override
        public void send(List<Long> ids) throws SubmitFailure {
            long start = System.nanoTime();
            try {
                super.send(ids);
            } finally {
                times.add(SEND, System.nanoTime() - start);
            }
        }
    }

    static final String SEND = "0 send() of a batch, total";
    static final String FINISH_TX = "4 batch transaction (lock, submits, record, commit)";

    static final class Tx implements TransactionOperations {
        private final TransactionOperations delegate;
        private final StepTimes times;

        Tx(TransactionOperations delegate, StepTimes times) {
            this.delegate = delegate;
            this.times = times;
        }

        @Override
        public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
            return times.time(FINISH_TX, () -> delegate.execute(action));
        }
    }
}
