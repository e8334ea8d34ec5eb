package cn.jiaxiao.routes.fanout;

/** Hands an approved notice to the fan-out, durably (a broker queue in production). */
@FunctionalInterface
public interface ReleaseQueue {

    void release(long noticeId);
}
