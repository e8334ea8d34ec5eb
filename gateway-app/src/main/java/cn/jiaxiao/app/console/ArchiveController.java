package cn.jiaxiao.app.console;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.notice.NoticeService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The archive of sent messages, searched by date, class, sender, recipient number and state, and exported as
 * CSV. A row shows only when its notice passes the same read check as {@code GET /api/notices/{id}}; numbers
 * are matched by their keyed hash and shown masked.
 */
@Controller
@RequestMapping("/console/archive")
class ArchiveController {

    private static final int LIMIT = 500;

    private final CurrentAccount current;
    private final NoticeService notices;
    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;
    private final ZoneId zone;

    ArchiveController(CurrentAccount current, NoticeService notices, NamedParameterJdbcTemplate jdbc,
            ContactCipher cipher, cn.jiaxiao.app.config.JiaxiaoProperties properties) {
        this.current = current;
        this.notices = notices;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.zone = properties.getTimeZone();
    }

    /** The search as submitted (public: the template reads it back into the form). */
    public record Filter(String from, String to, String classCode, String sender, String number, String state) {
    }

    @GetMapping
    String search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String classCode, @RequestParam(required = false) String sender,
            @RequestParam(required = false) String number, @RequestParam(required = false) String state,
            Model model) {
        Filter filter = new Filter(from, to, classCode, sender, number, state);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows(current.get(), filter));
        model.addAttribute("limit", LIMIT);
        return "console/archive";
    }

    @GetMapping("/export.csv")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String classCode, @RequestParam(required = false) String sender,
            @RequestParam(required = false) String number, @RequestParam(required = false) String state,
            HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = rows(current.get(), new Filter(from, to, classCode, sender, number, state));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"archive.csv\"");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8));
        out.write('\uFEFF'); // so that spreadsheet programs read it as UTF-8
        out.println("message_id,notice_id,title,channel,recipient,state,created_at,done_at,drafted_by,approved_by");
        for (Map<String, Object> row : rows) {
            out.println(String.join(",", List.of("message_id", "notice_id", "title", "channel", "recipient_masked",
                    "state", "created_at", "done_at", "drafted_by", "approved_by").stream()
                    .map(column -> csv(row.get(column))).toList()));
        }
        out.flush();
    }

    private List<Map<String, Object>> rows(StaffAccount reader, Filter filter) {
        StringBuilder sql = new StringBuilder("select a.* from sent_message_archive a where true");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (present(filter.from())) {
            sql.append(" and a.created_at >= :from");
            params.addValue("from", java.sql.Timestamp.from(date(filter.from(), "from").atStartOfDay(zone).toInstant()));
        }
        if (present(filter.to())) {
            sql.append(" and a.created_at < :to");
            params.addValue("to", java.sql.Timestamp.from(
                    date(filter.to(), "to").plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (present(filter.classCode())) {
            sql.append(" and a.notice_id in (select nc.notice_id from notice_class nc join unit u on u.id = nc.class_id"
                    + " where u.code = :classCode)");
            params.addValue("classCode", filter.classCode().trim());
        }
        if (present(filter.sender())) {
            sql.append(" and a.drafted_by = :sender");
            params.addValue("sender", filter.sender().trim());
        }
        if (present(filter.number())) {
            sql.append(" and a.message_id in (select id from outbound_message where recipient_hash = :hash)");
            params.addValue("hash", cipher.lookupHash(mobile(filter.number())));
        }
        if (present(filter.state())) {
            sql.append(" and a.state = :state");
            params.addValue("state", filter.state().trim().toUpperCase(java.util.Locale.ROOT));
        }
        sql.append(" order by a.message_id desc limit ").append(LIMIT * 4);
        Map<Long, Boolean> readable = new HashMap<>();
        return jdbc.queryForList(sql.toString(), params).stream()
                .filter(row -> readable.computeIfAbsent(((Number) row.get("notice_id")).longValue(),
                        id -> mayRead(reader, id)))
                .limit(LIMIT)
                .toList();
    }

    private boolean mayRead(StaffAccount reader, long noticeId) {
        try {
            notices.get(reader, noticeId);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "日期格式应为 yyyy-MM-dd：" + value);
        }
    }

    private static String mobile(String number) {
        String digits = number.replaceAll("\\D", "");
        return digits.length() == 13 && digits.startsWith("86") ? digits.substring(2) : digits;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String csv(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // no formulas in a spreadsheet
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
