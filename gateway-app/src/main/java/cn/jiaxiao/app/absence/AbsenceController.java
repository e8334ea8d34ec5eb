package cn.jiaxiao.app.absence;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.reply.AbsenceRepository.Absence;
import cn.jiaxiao.routes.reply.AbsenceService;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A head teacher marks a student absent without leave or gone from school without permission; the guardians
 * are alerted at once (no approval: an attendance alert, school rules 003), their reply is attached, and an
 * unanswered alert is escalated to the grade leader.
 */
@RestController
@RequestMapping("/api/absences")
class AbsenceController {

    private final AbsenceService absences;
    private final CurrentAccount current;

    AbsenceController(AbsenceService absences, CurrentAccount current) {
        this.absences = absences;
        this.current = current;
    }

    /** {@code kind}: ABSENT (default) or LEFT_SCHOOL; {@code period}: 上午第一节课. */
    record AbsenceRequest(Long studentId, LocalDate date, String kind, String period, String note) {
    }

    @PostMapping
    ResponseEntity<Absence> report(@RequestBody AbsenceRequest request) {
        if (request == null || request.studentId() == null) {
            throw ProblemException.invalid("studentId", "请指定学生");
        }
        AbsenceService.Kind kind;
        try {
            kind = request.kind() == null || request.kind().isBlank() ? AbsenceService.Kind.ABSENT
                    : AbsenceService.Kind.valueOf(request.kind().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "未知的类型：" + request.kind() + "（ABSENT 或 LEFT_SCHOOL）");
        }
        Absence absence = absences.report(current.get(), request.studentId(), request.date(), kind, request.period(),
                request.note());
        return ResponseEntity.created(URI.create("/api/absences/" + absence.id())).body(absence);
    }

    @GetMapping
    List<Absence> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "limit 须在 1 到 500 之间");
        }
        return absences.list(current.get(), limit);
    }
}
