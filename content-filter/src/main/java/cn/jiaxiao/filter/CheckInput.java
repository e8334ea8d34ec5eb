package cn.jiaxiao.filter;

import cn.jiaxiao.filter.normalize.NormalizedText;
import cn.jiaxiao.filter.normalize.TextNormalizer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The text under check with the views detectors share. The matching view is computed once per check,
 * not once per detector.
 */
public final class CheckInput {

    private final String text;
    private final CheckOptions options;
    private NormalizedText normalized;
    private String digits;
    private Map<Object, Object> derived;

    public CheckInput(String text, CheckOptions options) {
        this.text = text;
        this.options = options;
    }

    public String text() {
        return text;
    }

    public CheckOptions options() {
        return options;
    }

    public NormalizedText normalized() {
        if (normalized == null) {
            normalized = TextNormalizer.instance().normalize(text);
        }
        return normalized;
    }

    /**
     * A value computed from this input once and shared by the detectors that need it (e.g. the named students).
     * Keys are compared by identity of meaning, so use a constant.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<CheckInput, T> compute) {
        if (derived == null) {
            derived = new HashMap<>(4);
        }
        Object v = derived.get(key);
        if (v == null) {
            v = compute.apply(this);
            derived.put(key, v);
        }
        return (T) v;
    }

    /**
     * The original text with full-width digits turned into ASCII, same length, so number patterns can run on it
     * and keep original offsets.
     */
    public String asciiDigits() {
        if (digits == null) {
            char[] cs = text.toCharArray();
            for (int i = 0; i < cs.length; i++) {
                if (cs[i] >= '０' && cs[i] <= '９') {
                    cs[i] = (char) ('0' + (cs[i] - '０'));
                } else if (cs[i] == 'Ｘ' || cs[i] == 'ｘ') {
                    cs[i] = 'X';
                }
            }
            digits = new String(cs);
        }
        return digits;
    }
}
