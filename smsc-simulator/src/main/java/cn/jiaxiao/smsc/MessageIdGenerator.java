package cn.jiaxiao.smsc;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique, increasing ids. The start is large and its hex form begins with a letter, so hex and decimal
 * renderings of the same id can never be mistaken for each other.
 */
final class MessageIdGenerator {
    private final AtomicLong next = new AtomicLong(0xA000_0000L + ThreadLocalRandom.current().nextInt(0x10_0000));

    long next() {
        return next.getAndIncrement();
    }
}
