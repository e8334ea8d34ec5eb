package cn.jiaxiao.app.template;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.template.TemplateOverrideRepository;
import cn.jiaxiao.templates.override.TemplateKey;
import cn.jiaxiao.templates.validate.TemplateProblem;
import cn.jiaxiao.templates.validate.TemplateValidator;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school's own template wording, for the school-level account manager. A template is validated before it is
 * stored: one that doesn't compile, names a variable the kind doesn't have, or tries to run code is refused with
 * its line and the reason. Every change is in the admin audit log.
 */
@RestController
@RequestMapping("/api/templates")
class TemplateController {

    private static final int MAX_SOURCE = TemplateValidator.MAX_LENGTH;

    private final CurrentAccount current;
    private final TemplateOverrideRepository overrides;
    private final TemplateValidator validator = new TemplateValidator();
    private final AdminAuditLog audit;

    TemplateController(CurrentAccount current, TemplateOverrideRepository overrides, AdminAuditLog audit) {
        this.current = current;
        this.overrides = overrides;
        this.audit = audit;
    }

    record Source(String source) {
    }

    record Saved(String kind, String part, int version) {
    }

    @GetMapping
    List<TemplateOverrideRepository.StoredOverride> list() {
        requireSchoolManager();
        return overrides.all();
    }

    @PutMapping("/{kind}/{part}")
    Saved save(@PathVariable String kind, @PathVariable String part, @RequestBody Source body) {
        requireSchoolManager();
        TemplateKey key = key(kind, part);
        String source = body == null ? null : body.source();
        if (source == null || source.isBlank()) {
            throw ProblemException.invalid("source", "模板内容不能为空");
        }
        if (source.length() > MAX_SOURCE) {
            throw ProblemException.invalid("source", "模板内容不能超过 " + MAX_SOURCE + " 个字符");
        }
        List<TemplateProblem> problems = validator.validate(key.kind(), key.part(), source);
        if (!problems.isEmpty()) {
            TemplateProblem first = problems.get(0);
            throw new ProblemException(ProblemException.Kind.UNPROCESSABLE, "source",
                    "模板第 " + first.line() + " 行有误：" + first.reason()).with("problems", problems);
        }
        int version = overrides.save(key, source, current.get().id());
        audit.record(current.get().id(), "TEMPLATE_SAVED", "template", key.kind() + "/" + key.part(), null,
                Map.of("version", version));
        return new Saved(key.kind().name(), key.part().name(), version);
    }

    @DeleteMapping("/{kind}/{part}")
    ResponseEntity<Void> delete(@PathVariable String kind, @PathVariable String part) {
        requireSchoolManager();
        TemplateKey key = key(kind, part);
        if (!overrides.delete(key)) {
            throw ProblemException.notFound("该模板没有学校自定义版本");
        }
        audit.record(current.get().id(), "TEMPLATE_RESET", "template", key.kind() + "/" + key.part(), null, null);
        return ResponseEntity.noContent().build();
    }

    private static TemplateKey key(String kind, String part) {
        try {
            return TemplateKey.parse(kind, part);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "未知的模板：" + kind + "/" + part);
        }
    }

    private void requireSchoolManager() {
        var account = current.get();
        if (account.roles().stream().noneMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.unit().parentId() == null)) {
            throw ProblemException.forbidden(null, "只有学校层级的账号管理员可以修改模板");
        }
    }
}
