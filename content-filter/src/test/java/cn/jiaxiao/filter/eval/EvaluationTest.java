package cn.jiaxiao.filter.eval;

import cn.jiaxiao.filter.ContentChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTest {

    private static Evaluation eval;

    @BeforeAll
    static void run() {
        eval = Evaluation.run(ContentChecker.withDefaults());
        System.out.println(eval.report());
    }

    @Test
    void setIsLargeEnough() {
        assertThat(eval.size()).isGreaterThanOrEqualTo(300);
        assertThat(eval.cleanNotices).isGreaterThanOrEqualTo(150);
    }

    @Test
    void bannedContentRecallWithEvasions() {
        assertThat(eval.bannedRecall()).as(eval.report()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void cleanNoticesAreAlmostNeverBlocked() {
        assertThat(eval.falseBlockRate()).as(eval.report()).isLessThanOrEqualTo(0.005);
    }

    @Test
    void typoBlocksArePrecise() {
        assertThat(eval.typoBlockPrecision()).as(eval.report()).isGreaterThanOrEqualTo(0.95);
    }
}
