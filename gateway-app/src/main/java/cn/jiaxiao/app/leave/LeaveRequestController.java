package cn.jiaxiao.app.leave;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.reply.LeaveRequestRepository.Leave;
import cn.jiaxiao.routes.reply.LeaveRequests;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leave requests parents sent by SMS, scoped like notices (a head teacher his classes, a grade leader his
 * grade, the school level all); the head teacher approves or rejects, and the guardian is told by SMS.
 */
@RestController
@RequestMapping("/api/leave-requests")
class LeaveRequestController {

    private final LeaveRequests leaves;
    private final CurrentAccount current;

    LeaveRequestController(LeaveRequests leaves, CurrentAccount current) {
        this.leaves = leaves;
        this.current = current;
    }

    record LeaveView(long id, long studentId, String student, String classCode, String className, String guardian,
            LocalDate from, LocalDate to, String part, String period, String reason, String originalText,
            String state, Instant createdAt, Instant decidedAt, String decisionNote) {

        static LeaveView of(Leave l) {
            return new LeaveView(l.id(), l.studentId(), l.studentName(), l.classCode(), l.className(), l.guardianName(),
                    l.from(), l.to(), l.part().name(), l.period(), l.reason(), l.originalText(), l.state(),
                    l.createdAt(), l.decidedAt(), l.decisionNote());
        }
    }

    record Decision(String note) {
    }

    @GetMapping
    List<LeaveView> list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "limit 须在 1 到 500 之间");
        }
        return leaves.list(current.get(), state, limit).stream().map(LeaveView::of).toList();
    }

    @GetMapping("/{id}")
    LeaveView get(@PathVariable long id) {
        return LeaveView.of(leaves.get(current.get(), id));
    }

    @PostMapping("/{id}/approve")
    LeaveView approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return LeaveView.of(leaves.approve(current.get(), id, decision == null ? null : decision.note()));
    }

    @PostMapping("/{id}/reject")
    LeaveView reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return LeaveView.of(leaves.reject(current.get(), id, decision == null ? null : decision.note()));
    }
}
