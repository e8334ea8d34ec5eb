package cn.jiaxiao.app.console;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A notice's page: the read check of {@code GET /api/notices/{id}} first (out of scope it is "not found"), then
 * the timeline, progress, per-channel chart, recipients and confirmations, kept current from the API.
 */
@Controller
class NoticePageController {

    private final CurrentAccount current;
    private final NoticeService notices;

    NoticePageController(CurrentAccount current, NoticeService notices) {
        this.current = current;
        this.notices = notices;
    }

    @GetMapping("/console/notices/{id}")
    String notice(@PathVariable long id, Model model) {
        Notice notice = notices.get(current.get(), id);
        model.addAttribute("noticeId", notice.id());
        model.addAttribute("noticeTitle", notice.title());
        model.addAttribute("mine", notice.drafterId() == current.get().id());
        return "console/notice";
    }
}
