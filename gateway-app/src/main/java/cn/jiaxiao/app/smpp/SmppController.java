package cn.jiaxiao.app.smpp;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.smpp.SmppClient;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For the school's IT staff and leaders: the SMSC connections, and what the broker gave up on. */
@RestController
@RequestMapping("/api/smpp")
class SmppController {

    private static final String SMS_DEAD_LETTERS = "DLQ.sms.outbound";
    private static final int MAX_LISTED = 500;

    private final CurrentAccount current;
    private final SmppClient smpp;
    private final JmsTemplate jms;
    private final NamedParameterJdbcTemplate jdbc;

    SmppController(CurrentAccount current, SmppClient smpp, JmsTemplate jms, NamedParameterJdbcTemplate jdbc) {
        this.current = current;
        this.smpp = smpp;
        this.jms = jms;
        this.jdbc = jdbc;
    }

    record DeadLetter(long messageId, Long noticeId, String recipient, String state, String error, int attempts) {
    }

    @GetMapping("/connections")
    List<SmppClient.ConnectionStatus> connections() {
        requireSchoolLevel();
        return smpp.status();
    }

    /** Messages whose sending exhausted its retries, as the broker parked them in its dead-letter queue. */
    @GetMapping("/dead-letters")
    List<DeadLetter> deadLetters() {
        requireSchoolLevel();
        List<Long> ids = jms.browse(SMS_DEAD_LETTERS, (session, browser) -> {
            List<Long> found = new ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                if (found.size() >= MAX_LISTED) {
                    break;
                }
                if (message instanceof TextMessage text) {
                    found.addAll(parse(text));
                }
            }
            return found;
        });
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select id, notice_id, recipient_masked, state, error, attempts from outbound_message
                where id in (:ids) and state = 'QUEUED' order by id""", Map.of("ids", ids),
                (rs, n) -> new DeadLetter(rs.getLong("id"), rs.getLong("notice_id"), rs.getString("recipient_masked"),
                        rs.getString("state"), rs.getString("error"), rs.getInt("attempts")));
    }

    /** A dead batch's messages: those of its ids still queued are the ones that were given up on. */
    private static List<Long> parse(TextMessage message) {
        try {
            return SendBatch.parseIds(message.getText());
        } catch (JMSException | RuntimeException e) {
            return List.of();
        }
    }

    private void requireSchoolLevel() {
        var account = current.get();
        if (!account.holds(Role.PRINCIPAL) && !account.holds(Role.STUDENT_AFFAIRS_HEAD)
                && !account.holds(Role.OFFICE_SENDER)) {
            throw ProblemException.forbidden(null, "只有校领导、学生处或校办室可以查看短信通道状态");
        }
    }
}
