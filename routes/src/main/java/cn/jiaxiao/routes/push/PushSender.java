package cn.jiaxiao.routes.push;

/**
 * Sends one message to one app instance. Implementations do not throw for anything the push service or the
 * network does: every such outcome is a {@link PushResult}. Safe to call from several threads.
 */
public interface PushSender {

    PushResult send(PushTarget target, PushMessage message);
}
