package cn.jiaxiao.routes.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.templates.render.TemplateKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelChoiceTest {

    private final ChannelChoice all = new ChannelChoice(EnumSet.allOf(Channel.class));
    private final ChannelChoice.Reach everything = new ChannelChoice.Reach(true, true, true, null);

    @Test
    void aNoticeGoesOnTheChannelsItAsksForThatTheGuardianCanBeReachedBy() {
        Notice notice = notice(TemplateKind.GENERAL, false, Channel.SMS, Channel.EMAIL, Channel.PUSH);
        assertThat(all.now(notice, everything)).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL, Channel.PUSH);
        assertThat(all.now(notice, new ChannelChoice.Reach(true, false, false, null))).containsExactly(Channel.SMS);
    }

    @Test
    void aChannelTheGatewayLacksIsLeftOut() {
        ChannelChoice noMail = new ChannelChoice(EnumSet.of(Channel.SMS, Channel.PUSH));
        assertThat(noMail.now(notice(TemplateKind.GENERAL, false, Channel.SMS, Channel.EMAIL), everything))
                .containsExactly(Channel.SMS);
    }

    @Test
    void theGuardiansPreferenceNarrowsTheChoiceButNeverLeavesHimOut() {
        Notice notice = notice(TemplateKind.GENERAL, false, Channel.SMS, Channel.EMAIL);
        assertThat(all.now(notice, new ChannelChoice.Reach(true, true, false, Set.of(Channel.EMAIL))))
                .containsExactly(Channel.EMAIL);
        // prefers e-mail, but the school has no address for him: SMS still reaches him
        assertThat(all.now(notice, new ChannelChoice.Reach(true, false, false, Set.of(Channel.EMAIL))))
                .containsExactly(Channel.SMS);
    }

    @Test
    void anEmergencyGoesOnEveryChannelWhateverThePreference() {
        Notice notice = notice(TemplateKind.EMERGENCY, false, Channel.SMS);
        assertThat(all.now(notice, new ChannelChoice.Reach(true, true, true, Set.of(Channel.PUSH))))
                .containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL, Channel.PUSH);
    }

    @Test
    void withFallbackTheSmsWaitsForThePushOnlyForThoseWhoGetAPush() {
        Notice notice = notice(TemplateKind.GENERAL, true, Channel.SMS, Channel.PUSH);
        assertThat(all.now(notice, everything)).containsExactly(Channel.PUSH);
        assertThat(all.smsLater(notice, everything)).isTrue();
        ChannelChoice.Reach noApp = new ChannelChoice.Reach(true, true, false, null);
        assertThat(all.now(notice, noApp)).containsExactly(Channel.SMS);
        assertThat(all.smsLater(notice, noApp)).isFalse();
        // push only by choice: no SMS now, none later
        ChannelChoice.Reach pushOnly = new ChannelChoice.Reach(true, false, true, Set.of(Channel.PUSH));
        assertThat(all.now(notice, pushOnly)).containsExactly(Channel.PUSH);
        assertThat(all.smsLater(notice, pushOnly)).isFalse();
    }

    @Test
    void anEmergencyNeverWaits() {
        Notice notice = notice(TemplateKind.EMERGENCY, true, Channel.SMS, Channel.PUSH);
        assertThat(all.smsLater(notice, everything)).isFalse();
        assertThat(all.now(notice, everything)).contains(Channel.SMS, Channel.PUSH);
    }

    private static Notice notice(TemplateKind kind, boolean fallback, Channel... channels) {
        return new Notice(1, "标题", "正文", kind, null, List.of(channels), NoticeStatus.APPROVED, 1, "", null, null,
                null, null, null, null, null, null, null, null, 0, fallback);
    }
}
