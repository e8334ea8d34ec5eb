package cn.jiaxiao.smsc;

/** A fixed one-second window shared by all sessions, like a carrier's per-account TPS limit. */
final class TpsThrottle {
    private long windowSecond = -1;
    private int used;

    /** @return true if one more submit fits into the current second. Rejected submits don't use up the quota. */
    synchronized boolean tryAcquire(int limit, long nowMillis) {
        long second = nowMillis / 1000;
        if (second != windowSecond) {
            windowSecond = second;
            used = 0;
        }
        if (used >= limit) {
            return false;
        }
        used++;
        return true;
    }

    synchronized void reset() {
        windowSecond = -1;
        used = 0;
    }
}
