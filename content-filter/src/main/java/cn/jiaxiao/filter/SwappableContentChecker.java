package cn.jiaxiao.filter;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current checker so term lists can be reloaded without a restart: build the new checker off to the
 * side, then {@link #swap} it in; checks in flight finish on the old one, none ever sees a half-built state.
 */
public final class SwappableContentChecker {

    private final AtomicReference<ContentChecker> current;

    public SwappableContentChecker(ContentChecker initial) {
        this.current = new AtomicReference<>(initial);
    }

    public CheckResult check(String text) {
        return current.get().check(text);
    }

    public CheckResult check(String text, CheckOptions options) {
        return current.get().check(text, options);
    }

    /** @return the checker that was replaced */
    public ContentChecker swap(ContentChecker next) {
        return current.getAndSet(java.util.Objects.requireNonNull(next));
    }

    public ContentChecker current() {
        return current.get();
    }
}
