package cn.jiaxiao.app.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Pages whose data the browser reads from the API with the session (same endpoints, same scope checks):
 * the home list, the approval inbox, the leave inbox.
 */
@Controller
@RequestMapping("/console")
class PageController {

    @GetMapping
    String home() {
        return "console/home";
    }

    @GetMapping("/inbox")
    String inbox() {
        return "console/inbox";
    }

    @GetMapping("/leave")
    String leave() {
        return "console/leave";
    }
}
