package cn.jiaxiao.routes.delivery;

import java.util.Collection;

/** Holds back those of a batch's messages that must not go out now (quiet hours), before a sender claims it. */
@FunctionalInterface
public interface SendHold {

    SendHold NONE = ids -> { };

    void holdIfQuiet(Collection<Long> ids);
}
