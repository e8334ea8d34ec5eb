package cn.jiaxiao.routes.smpp;

/** The carriers' contracted rates: a submit of a part waits here for its turn. */
@FunctionalInterface
public interface TpsLimiter {

    TpsLimiter UNLIMITED = (connection, parts) -> { };

    /** Blocks until {@code parts} submit_sm may go to this connection. */
    void acquire(SmppSettings connection, int parts) throws InterruptedException;
}
