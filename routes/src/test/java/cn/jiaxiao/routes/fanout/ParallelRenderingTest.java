package cn.jiaxiao.routes.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelRenderingTest {

    @Test
    void resultsComeBackInTheTasksOrderWhateverThreadRenderedThem() {
        List<Supplier<Integer>> tasks = IntStream.range(0, 5_321).<Supplier<Integer>>mapToObj(i -> () -> i).toList();

        List<Integer> results = ParallelRendering.inOrder(tasks);

        assertThat(results).hasSize(5_321).containsExactlyElementsOf(IntStream.range(0, 5_321).boxed().toList());
    }

    @Test
    void aTaskThatFailsFailsTheReadingOfItsResultWithItsOwnException() {
        List<Supplier<Integer>> tasks = IntStream.range(0, 2_000).<Supplier<Integer>>mapToObj(i -> () -> {
            if (i == 1_234) {
                throw new IllegalStateException("Template emergency/sms-text.ftl failed");
            }
            return i;
        }).toList();

        List<Integer> results = ParallelRendering.inOrder(tasks);

        assertThat(results.get(0)).isZero();
        assertThatThrownBy(() -> results.forEach(r -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sms-text.ftl failed");
    }

    @Test
    void aFewTasksAreRunOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        assertThat(ParallelRendering.inOrder(List.<Supplier<Thread>>of(Thread::currentThread))).containsExactly(caller);
    }
}
