package cn.jiaxiao.routes.settings;

import cn.jiaxiao.routes.support.ReloadRoute;
import java.time.Duration;

/** Rereads the school's settings on every instance: an edit on any of them applies everywhere within one period. */
public class SchoolSettingsReloadRoute extends ReloadRoute {

    public static final String ROUTE_ID = "school-settings-reload";

    public SchoolSettingsReloadRoute(SchoolSettings settings, Duration period) {
        super(ROUTE_ID, "School settings", settings::reload, period);
    }
}
