package cn.jiaxiao.routes.content;

import cn.jiaxiao.routes.support.ReloadRoute;
import java.time.Duration;

/**
 * Polls the content lists' version counter on every instance and rebuilds the checker when an edit (on any
 * instance) bumped it, so a change reaches every gateway within one period, without a restart.
 */
public class ContentListsReloadRoute extends ReloadRoute {

    public static final String ROUTE_ID = "content-lists-reload";

    public ContentListsReloadRoute(ContentPolicy policy, Duration period) {
        super(ROUTE_ID, "Content lists", policy::reloadIfChanged, period);
    }
}
