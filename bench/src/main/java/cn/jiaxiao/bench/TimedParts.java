package cn.jiaxiao.bench;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.routes.delivery.ClaimedMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.sms.SmsSender;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.smpp.SubmitFailure;
import java.time.Duration;
import java.util.Optional;
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
        public Optional<ClaimedMessage> claim(long id) {
            return times.time("1 claim (update..returning + select parts)", () -> super.claim(id));
        }

        @Override
        public void recordPart(long messageId, int partNo, String connection, String smscId) {
            times.time("3 recordPart (insert sms_part)", () -> super.recordPart(messageId, partNo, connection, smscId));
        }

        @Override
        public void lock(long id) {
            times.time("4 finish: lock row", () -> super.lock(id));
        }

        @Override
        public void markSubmitted(long id) {
            times.time("4 finish: markSubmitted", () -> super.markSubmitted(id));
        }

        @Override
        public void settleFromParts(long id) {
            times.time("4 finish: settleFromParts", () -> super.settleFromParts(id));
        }
    }

    /** Times the whole of send(); the SMPP submit is what is left after the database steps. */
    static final class Sender extends SmsSender {
        private final StepTimes times;

        Sender(OutboundMessageRepository messages, SmppClient smpp, TransactionOperations tx, Duration retryWindow,
                StepTimes times) {
            super(messages, smpp, tx, retryWindow);
            this.times = times;
        }

        @Override
        public void send(long messageId) throws SubmitFailure {
            long start = System.nanoTime();
            try {
                super.send(messageId);
            } finally {
                times.add(SEND, System.nanoTime() - start);
            }
        }
    }

    static final String SEND = "0 send() total";
    static final String FINISH_TX = "4 finish: transaction total (incl. commit)";

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
