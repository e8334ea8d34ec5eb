package cn.jiaxiao.routes.fanout;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Renders a notice's messages on every core, in chunks taken in order, and hands them out in order as soon as
 * their chunk is done: the fan-out's transaction starts writing the first rows while later ones are still being
 * rendered, so the database's work on the rows overlaps the rendering instead of following it.
 */
final class ParallelRendering {

    /** Small enough that the first rows are written almost at once, large enough that a chunk is worth a hand-off. */
    private static final int CHUNK = 500;

    private static final ExecutorService RENDERERS = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "fan-out-render");
                thread.setDaemon(true);
                return thread;
            });

    private ParallelRendering() {
    }

    /**
     * The tasks' results, in the tasks' order; reading one waits for its chunk, and rethrows what its task threw.
     * A few tasks are run at once on the caller's thread.
     */
    static <T> List<T> inOrder(List<Supplier<T>> tasks) {
        if (tasks.size() <= CHUNK) {
            return tasks.stream().map(Supplier::get).toList();
        }
        List<CompletableFuture<List<T>>> chunks = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += CHUNK) {
            List<Supplier<T>> chunk = tasks.subList(from, Math.min(tasks.size(), from + CHUNK));
            chunks.add(CompletableFuture.supplyAsync(() -> chunk.stream().map(Supplier::get).toList(), RENDERERS));
        }
        int size = tasks.size();
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                java.util.Objects.checkIndex(index, size);
                try {
                    return chunks.get(index / CHUNK).join().get(index % CHUNK);
                } catch (CompletionException e) {
                    chunks.forEach(chunk -> chunk.cancel(false));
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
