package cn.jiaxiao.filter;

import cn.jiaxiao.filter.banned.BannedTermDetector;
import cn.jiaxiao.filter.banned.TermLists;
import cn.jiaxiao.filter.banned.TermMatcher;
import cn.jiaxiao.filter.hygiene.BracketBalanceDetector;
import cn.jiaxiao.filter.hygiene.DoubledWordDetector;
import cn.jiaxiao.filter.hygiene.MixedPunctuationDetector;
import cn.jiaxiao.filter.hygiene.SmsHygieneDetector;
import cn.jiaxiao.filter.personal.HealthNearNameDetector;
import cn.jiaxiao.filter.personal.HomeAddressDetector;
import cn.jiaxiao.filter.personal.NumberDetector;
import cn.jiaxiao.filter.policy.IndividualNegativeDetector;
import cn.jiaxiao.filter.policy.LinkDetector;
import cn.jiaxiao.filter.policy.RankingDetector;
import cn.jiaxiao.filter.typo.ConfusableWords;
import cn.jiaxiao.filter.typo.DeDiDeDetector;
import cn.jiaxiao.filter.typo.GrammarPatternDetector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a notice before it may be submitted for approval. Immutable and thread-safe: build one per term-list
 * version and share it; to reload lists build a new one and swap it in (see {@link SwappableContentChecker}).
 */
public final class ContentChecker {

    private final TermMatcher termMatcher;
    private final List<Detector> detectors;

    private ContentChecker(TermMatcher termMatcher, List<Detector> detectors) {
        this.termMatcher = termMatcher;
        this.detectors = List.copyOf(detectors);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Shipped lists, no allowed domains, no school numbers. */
    public static ContentChecker withDefaults() {
        return builder().build();
    }

    public CheckResult check(String text) {
        return check(text, CheckOptions.DEFAULTS);
    }

    public CheckResult check(String text, CheckOptions options) {
        Objects.requireNonNull(text, "text");
        CheckInput input = new CheckInput(text, options == null ? CheckOptions.DEFAULTS : options);
        List<Finding> findings = new ArrayList<>();
        for (Detector d : detectors) {
            d.detect(input, findings);
        }
        return CheckResult.of(new ArrayList<>(new LinkedHashSet<>(findings)));
    }

    /** Number of distinct terms in the automaton (after normalisation and de-duplication). */
    public int termCount() {
        return termMatcher.termCount();
    }

    public String termListsVersion() {
        return termMatcher.version();
    }

    public static final class Builder {
        private TermLists termLists;
        private Set<String> allowedDomains = Set.of();
        private Set<String> schoolNumbers = Set.of();

        private Builder() {
        }

        public Builder termLists(TermLists termLists) {
            this.termLists = Objects.requireNonNull(termLists);
            return this;
        }

        /** Domains links may point to; subdomains are included ("school.edu.cn" allows "www.school.edu.cn"). */
        public Builder allowedDomains(Set<String> domains) {
            this.allowedDomains = Set.copyOf(domains);
            return this;
        }

        /** The school's own phone numbers; they may appear in notices. */
        public Builder schoolNumbers(Set<String> numbers) {
            this.schoolNumbers = Set.copyOf(numbers);
            return this;
        }

        public ContentChecker build() {
            TermMatcher matcher = TermMatcher.build(termLists == null ? TermLists.defaults() : termLists);
            List<Detector> detectors = List.of(
                    new BannedTermDetector(matcher),
                    new RankingDetector(),
                    new IndividualNegativeDetector(),
                    new LinkDetector(allowedDomains),
                    new NumberDetector(schoolNumbers),
                    new HealthNearNameDetector(),
                    new HomeAddressDetector(),
                    new DeDiDeDetector(),
                    new ConfusableWords(),
                    new GrammarPatternDetector(),
                    new SmsHygieneDetector(),
                    new BracketBalanceDetector(),
                    new DoubledWordDetector(),
                    new MixedPunctuationDetector());
            return new ContentChecker(matcher, detectors);
        }
    }
}
