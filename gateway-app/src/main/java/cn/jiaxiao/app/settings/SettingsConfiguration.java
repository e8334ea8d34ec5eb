package cn.jiaxiao.app.settings;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.routes.settings.ApprovalChainSettings;
import cn.jiaxiao.routes.settings.QuietHoursSettings;
import cn.jiaxiao.routes.settings.SchoolSettingRepository;
import cn.jiaxiao.routes.settings.SchoolSettings;
import cn.jiaxiao.routes.settings.SchoolSettingsReloadRoute;
import cn.jiaxiao.routes.settings.SettingChanges;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the editing of the school's settings; the settings themselves are wired with the message path. */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    SettingChanges settingChanges(SchoolSettingRepository stored, SchoolSettings settings, AdminAuditLog audit,
            TransactionTemplate tx) {
        return new SettingChanges(stored, settings, audit, tx);
    }

    @Bean
    QuietHoursSettings quietHoursSettings(SchoolSettings settings, SettingChanges changes) {
        return new QuietHoursSettings(settings, changes);
    }

    @Bean
    ApprovalChainSettings approvalChainSettings(SchoolSettings settings, SettingChanges changes) {
        return new ApprovalChainSettings(settings, changes);
    }

    @Bean
    SchoolSettingsReloadRoute schoolSettingsReloadRoute(SchoolSettings settings, JiaxiaoProperties properties) {
        return new SchoolSettingsReloadRoute(settings, properties.getSettings().getReloadPeriod());
    }
}
