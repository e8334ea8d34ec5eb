package cn.jiaxiao.app.leave;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.reply.ReplyRepository;
import cn.jiaxiao.routes.scope.AudienceScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The head teacher's inbox of parents' replies the gateway could not act on by itself (unparsed text, a
 * leave request with a missing part, a confirmation that could answer several notices), scoped by class.
 */
@RestController
class ReplyInboxController {

    private final ReplyRepository replies;
    private final UnitRepository units;
    private final AudienceScope scope;
    private final CurrentAccount current;

    ReplyInboxController(ReplyRepository replies, UnitRepository units, AudienceScope scope, CurrentAccount current) {
        this.replies = replies;
        this.units = units;
        this.scope = scope;
        this.current = current;
    }

    @GetMapping("/api/replies/inbox")
    List<ReplyRepository.InboxItem> inbox(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "limit 须在 1 到 500 之间");
        }
        var reader = current.get();
        return replies.inbox(5000).stream()
                .filter(item -> item.classId() != null && units.findById(item.classId())
                        .map(c -> scope.covers(reader, List.of(c))).orElse(false))
                .limit(limit).toList();
    }
}
