package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.notice.Notice;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which channels a guardian gets a notice on: those the notice asks for and the gateway has, narrowed to the
 * guardian's preference, and to what the guardian can be reached by. An emergency goes out on every channel
 * at once, whatever the preference. A guardian is never left out because of a preference: if nothing chosen can
 * reach him, SMS does, when the notice uses SMS.
 *
 * @param available channels the gateway can send on (e-mail needs a mail server, push a push service)
 */
public record ChannelChoice(Set<Channel> available) {

    public ChannelChoice {
        available = available.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(available);
    }

    /** What a guardian can be reached by, and what he asked for (null: no preference). */
    public record Reach(boolean mobile, boolean email, boolean push, Set<Channel> preferred) {
    }

    /** The channels to send on now; a fallback SMS comes later, if at all (see {@link #smsLater}). */
    public Set<Channel> now(Notice notice, Reach reach) {
        Set<Channel> chosen = reachable(wanted(notice, reach), reach);
        if (smsLater(notice, reach)) {
            chosen.remove(Channel.SMS);
        }
        return chosen;
    }

    /**
     * Push first, SMS only if the push isn't delivered in time: for a notice that allows it (never an
     * emergency), to a guardian who gets the push and would get the SMS.
     */
    public boolean smsLater(Notice notice, Reach reach) {
        if (!notice.fallback() || notice.isEmergency()) {
            return false;
        }
        Set<Channel> chosen = reachable(wanted(notice, reach), reach);
        return chosen.contains(Channel.PUSH) && chosen.contains(Channel.SMS);
    }

    private Set<Channel> wanted(Notice notice, Reach reach) {
        Set<Channel> wanted = EnumSet.noneOf(Channel.class);
        wanted.addAll(notice.channels());
        wanted.retainAll(available);
        if (notice.isEmergency()) {
            wanted.addAll(available);
            return wanted;
        }
        if (reach.preferred() != null && !reach.preferred().isEmpty()) {
            Set<Channel> preferred = EnumSet.copyOf(wanted);
            preferred.retainAll(reach.preferred());
            if (!reachable(preferred, reach).isEmpty()) {
                return preferred;
            }
        }
        return wanted;
    }

    private static Set<Channel> reachable(Set<Channel> channels, Reach reach) {
        Set<Channel> reachable = EnumSet.noneOf(Channel.class);
        if (channels.contains(Channel.SMS) && reach.mobile()) {
            reachable.add(Channel.SMS);
        }
        if (channels.contains(Channel.EMAIL) && reach.email()) {
            reachable.add(Channel.EMAIL);
        }
        if (channels.contains(Channel.PUSH) && reach.push()) {
            reachable.add(Channel.PUSH);
        }
        return reachable;
    }
}
