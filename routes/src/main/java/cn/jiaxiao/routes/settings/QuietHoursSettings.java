package cn.jiaxiao.routes.settings;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.schedule.QuietHours;
import cn.jiaxiao.routes.support.Json;

/**
 * 夜间免打扰 as a school setting: the school-level account manager reads and changes the window; without a stored
 * value the configured one ({@code jiaxiao.quiet-hours.*}) applies. Every quiet-hours decision (scheduling at
 * approval, holding at the sender) reads {@link SchoolSettings#quietHours()}.
 */
public class QuietHoursSettings {

    /** The window in use; {@code custom} when the school changed it, {@code defaults} the configured one. */
    public record View(boolean enabled, String start, String end, String timeZone, boolean custom,
            QuietHoursSetting defaults) {
    }

    private final SchoolSettings settings;
    private final SettingChanges changes;

    public QuietHoursSettings(SchoolSettings settings, SettingChanges changes) {
        this.settings = settings;
        this.changes = changes;
    }

    public View view(StaffAccount reader) {
        changes.requireSchoolManager(reader);
        return view();
    }

    public View update(StaffAccount manager, QuietHoursSetting request) {
        changes.requireSchoolManager(manager);
        if (request == null) {
            throw ProblemException.invalid("start", "请填写开始时间和结束时间（HH:mm）");
        }
        QuietHours hours = request.in(settings.configuredQuietHours().zone());
        changes.put(manager, SchoolSettings.QUIET_HOURS, Json.write(QuietHoursSetting.of(hours)),
                "SETTING_QUIET_HOURS_CHANGED");
        return view();
    }

    public View reset(StaffAccount manager) {
        changes.requireSchoolManager(manager);
        changes.remove(manager, SchoolSettings.QUIET_HOURS, "SETTING_QUIET_HOURS_RESET");
        return view();
    }

    private View view() {
        QuietHoursSetting now = QuietHoursSetting.of(settings.quietHours());
        return new View(now.enabled(), now.start(), now.end(), settings.quietHours().zone().getId(),
                settings.quietHoursStored(), QuietHoursSetting.of(settings.configuredQuietHours()));
    }
}
