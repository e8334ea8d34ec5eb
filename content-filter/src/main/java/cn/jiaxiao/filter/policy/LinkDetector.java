package cn.jiaxiao.filter.policy;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.text.StartCharPattern;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Links: a link to a shopping, red-packet, bargaining or vote site blocks; any other domain outside the school's
 * allow-list warns, since unverifiable links must not reach parents.
 */
public final class LinkDetector implements Detector {

    /** Both alternatives start with an ASCII letter, digit or dash ((?i) without UNICODE_CASE is ASCII-only). */
    private static final StartCharPattern URL = new StartCharPattern(Pattern.compile(
            "(?i)(?:https?://|www\\.)[a-z0-9.-]+(?::\\d+)?(?:/[\\x21-\\x7e]*)?"
                    + "|(?<![a-z0-9@.-])(?:[a-z0-9-]+\\.)+(?:com|cn|net|org|top|xyz|vip|cc|io|me|info|shop|club|site|link|ly)"
                    + "(?![a-z0-9])(?::\\d+)?(?:/[\\x21-\\x7e]*)?"),
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
    private static final Set<String> COMMERCIAL_DOMAINS = Set.of("pinduoduo.com", "yangkeduo.com", "taobao.com",
            "tb.cn", "tmall.com", "jd.com", "3.cn", "m.tb.cn", "kuaishou.com", "douyin.com", "v.douyin.com",
            "meituan.com", "ele.me", "weidian.com", "youzan.com", "shuidichou.com", "qschou.com", "toupiao.com",
            "vote.cn", "hongbao.com");
    private static final Pattern COMMERCIAL_PATH = Pattern.compile(
            "(?i)hongbao|kanjia|bargain|toupiao|vote|jizan|coupon|youhui|redpacket|lottery|choujiang|mall|shop|buy");

    private final Set<String> allowedDomains;

    public LinkDetector(Set<String> allowedDomains) {
        this.allowedDomains = allowedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        if (!mayContainLink(text)) {
            return;
        }
        StartCharPattern.Scan m = URL.scan(text);
        while (m.find()) {
            String url = m.matcher().group();
            String host = host(url);
            if (host.isEmpty() || !host.contains(".")) {
                continue;
            }
            if (isUnder(host, COMMERCIAL_DOMAINS) || COMMERCIAL_PATH.matcher(url).find() && !isUnder(host, allowedDomains)) {
                out.add(Finding.of(text, Category.COMMERCIAL, Severity.BLOCK, m.start(), m.end(),
                        "policy.commercial-link", null));
            } else if (!isUnder(host, allowedDomains)) {
                out.add(Finding.of(text, Category.UNKNOWN_LINK, Severity.WARN, m.start(), m.end(),
                        "policy.unknown-link", null));
            }
        }
    }

    /** A link needs an ASCII letter next to a dot; most notices have none, so skip the regex for them. */
    private static boolean mayContainLink(String text) {
        for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
            if (i > 0 && i + 1 < text.length() && isAsciiAlnum(text.charAt(i - 1)) && isAsciiLetter(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    static String host(String url) {
        String s = url.toLowerCase(Locale.ROOT);
        s = s.startsWith("http://") ? s.substring(7) : s.startsWith("https://") ? s.substring(8) : s;
        int cut = s.length();
        for (char c : new char[]{'/', ':', '?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        s = s.substring(0, cut);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static boolean isUnder(String host, Set<String> domains) {
        for (String d : domains) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }
}
