package cn.jiaxiao.app.notice;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.fanout.FanOutService;
import cn.jiaxiao.routes.fanout.MessageComposer;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeDraft;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.routes.scope.AudienceScope;
import cn.jiaxiao.routes.scope.ResolvedAudience;
import cn.jiaxiao.templates.preview.NoticePreview;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows a drafter what each channel will carry before anything is stored: the text per channel for a sample
 * recipient of the audience, the SMS segments and encoding, and what sending it would cost. The audience is
 * resolved with the drafter's own permissions, so a preview reveals nothing he couldn't send to.
 */
@RestController
@RequestMapping("/api/notices/preview")
class NoticePreviewController {

    private final CurrentAccount current;
    private final AudienceScope scope;
    private final FanOutService fanOut;
    private final MessageComposer composer;
    private final BigDecimal pricePerPart;

    NoticePreviewController(CurrentAccount current, AudienceScope scope, FanOutService fanOut,
            MessageComposer composer, JiaxiaoProperties properties) {
        this.current = current;
        this.scope = scope;
        this.fanOut = fanOut;
        this.composer = composer;
        this.pricePerPart = properties.getSms().getPricePerPart();
    }

    record SmsView(String text, int segments, String encoding, int length) {
    }

    record EmailView(String subject, String html, String text) {
    }

    record PushView(String title, String body, Map<String, String> data) {
    }

    record Preview(String sampleRecipient, SmsView sms, EmailView email, PushView push,
            NoticeView.Estimate estimate) {
    }

    @PostMapping
    Preview preview(@RequestBody NoticeRequest request) {
        NoticeDraft draft = request.toDraft();
        if (draft.title() == null || draft.title().isBlank()) {
            throw ProblemException.invalid("title", "请填写标题");
        }
        if (draft.body() == null || draft.body().isBlank()) {
            throw ProblemException.invalid("body", "请填写正文");
        }
        Notice notice = new Notice(0, draft.title(), draft.body(), draft.kind(), draft.audience(), draft.channels(),
                NoticeStatus.DRAFT, current.get().id(), "", null, null, null, null, null, draft.sendAt(),
                draft.requestReason(), null, null, null, 0, draft.fallback());
        GuardianContact sample = null;
        NoticeView.Estimate estimate = null;
        if (draft.audience() != null) {
            ResolvedAudience audience = scope.resolve(current.get(), draft.audience(), draft.requestReason() != null);
            List<GuardianContact> reached = fanOut.guardiansReached(audience.classIds(), audience.guardianIds());
            sample = reached.stream().filter(g -> !g.children().isEmpty()).findFirst().orElse(null);
            FanOutService.Estimate e = fanOut.estimate(notice, audience.classIds(), audience.guardianIds(),
                    audience.staffIds());
            estimate = new NoticeView.Estimate(e.recipients(), e.segmentsPerMessage(), e.smsParts(),
                    pricePerPart.multiply(BigDecimal.valueOf(e.smsParts())));
        }
        NoticePreview preview = composer.preview(notice, sample);
        return new Preview(sample == null ? "示例家长" : sample.children().get(0).name() + "家长",
                new SmsView(preview.sms().text(), preview.sms().segmentCount(), preview.sms().encoding().name(),
                        preview.sms().length()),
                new EmailView(preview.email().subject(), preview.email().html(), preview.email().text()),
                new PushView(preview.push().title(), preview.push().body(), preview.push().data()), estimate);
    }
}
