package cn.jiaxiao.routes.settings;

import cn.jiaxiao.routes.approval.ApprovalChains;
import cn.jiaxiao.routes.approval.ChainKind;
import cn.jiaxiao.routes.approval.StepTemplate;
import cn.jiaxiao.routes.schedule.QuietHours;
import cn.jiaxiao.routes.support.Json;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The school's quiet hours and approval chains as this instance applies them now: the stored overrides over the
 * configured defaults ({@code jiaxiao.quiet-hours.*}, {@code jiaxiao.approval.chains.*}). The instance that
 * writes a change reloads at once; the others on their next {@link SchoolSettingsReloadRoute} tick. The table
 * has a handful of rows, so each reload reads them all rather than tracking a version.
 */
public class SchoolSettings {

    public static final String QUIET_HOURS = "quiet-hours";
    private static final Logger log = LoggerFactory.getLogger(SchoolSettings.class);

    private record Snapshot(QuietHours quietHours, boolean quietHoursStored, ApprovalChains chains,
            Set<ChainKind> storedChains) {
    }

    private final SchoolSettingRepository repository;
    private final QuietHours configuredQuietHours;
    private final ApprovalChains configuredChains;
    private volatile Snapshot current;

    public SchoolSettings(SchoolSettingRepository repository, QuietHours configuredQuietHours,
            ApprovalChains configuredChains) {
        this.repository = repository;
        this.configuredQuietHours = configuredQuietHours;
        this.configuredChains = configuredChains;
        this.current = new Snapshot(configuredQuietHours, false, configuredChains, Set.of());
    }

    public static String chainName(ChainKind kind) {
        return "approval-chain." + kind.key();
    }

    public QuietHours quietHours() {
        return current.quietHours();
    }

    public ApprovalChains approvalChains() {
        return current.chains();
    }

    public QuietHours configuredQuietHours() {
        return configuredQuietHours;
    }

    public ApprovalChains configuredChains() {
        return configuredChains;
    }

    public boolean quietHoursStored() {
        return current.quietHoursStored();
    }

    public boolean chainStored(ChainKind kind) {
        return current.storedChains().contains(kind);
    }

    /** Rereads the stored settings; a row that no longer reads (edited by hand) keeps its default, loudly. */
    public void reload() {
        Map<String, String> stored = repository.all();
        QuietHours quiet = configuredQuietHours;
        boolean quietStored = false;
        String quietValue = stored.get(QUIET_HOURS);
        if (quietValue != null) {
            try {
                quiet = Json.read(quietValue, QuietHoursSetting.class).in(configuredQuietHours.zone());
                quietStored = true;
            } catch (RuntimeException e) {
                log.warn("Stored quiet hours unreadable, using the configured ones: {}", e.getMessage());
            }
        }
        Map<ChainKind, List<StepTemplate>> chains = new EnumMap<>(ChainKind.class);
        for (ChainKind kind : ChainKind.values()) {
            String text = stored.get(chainName(kind));
            if (text != null) {
                try {
                    chains.put(kind, ApprovalChains.parse(kind, text));
                } catch (RuntimeException e) {
                    log.warn("Stored approval chain {} unreadable, using the configured one: {}", kind.key(),
                            e.getMessage());
                }
            }
        }
        current = new Snapshot(quiet, quietStored, configuredChains.with(chains), Set.copyOf(chains.keySet()));
    }
}
