package cn.jiaxiao.filter.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable multi-pattern matcher: one pass over the text finds every occurrence of every key, so the cost of
 * a check depends on the text length and the number of hits, not on the number of terms.
 *
 * <p>Layout is flat arrays: the root has a direct 64K table (most steps of a scan start there), other nodes
 * keep their sorted edges in one shared array searched by bisection. Output sets are not copied along failure
 * links; each node points to the nearest suffix node with an output instead, which keeps memory linear.
 */
public final class AhoCorasick {

    private static final int NONE = -1;

    private final int[] rootNext;
    private final int[] edgeStart;
    private final char[] edgeChars;
    private final int[] edgeTargets;
    private final int[] fail;
    private final int[] outLink;
    private final int[] outStart;
    private final int[] outPayloads;
    private final int[] depth;
    private final int keyCount;

    private AhoCorasick(int[] rootNext, int[] edgeStart, char[] edgeChars, int[] edgeTargets, int[] fail,
                        int[] outLink, int[] outStart, int[] outPayloads, int[] depth, int keyCount) {
        this.rootNext = rootNext;
        this.edgeStart = edgeStart;
        this.edgeChars = edgeChars;
        this.edgeTargets = edgeTargets;
        this.fail = fail;
        this.outLink = outLink;
        this.outStart = outStart;
        this.outPayloads = outPayloads;
        this.depth = depth;
        this.keyCount = keyCount;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int keyCount() {
        return keyCount;
    }

    public int nodeCount() {
        return fail.length;
    }

    public void scan(char[] text, int length, MatchSink sink) {
        int node = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            while (true) {
                int next = node == 0 ? rootNext[c] : child(node, c);
                if (next > 0) {
                    node = next;
                    break;
                }
                if (node == 0) {
                    break;
                }
                node = fail[node];
            }
            int o = outStart[node] != outStart[node + 1] ? node : outLink[node];
            while (o != NONE) {
                int from = i + 1 - depth[o];
                for (int k = outStart[o]; k < outStart[o + 1]; k++) {
                    sink.onMatch(from, i + 1, outPayloads[k]);
                }
                o = outLink[o];
            }
        }
    }

    private int child(int node, char c) {
        int lo = edgeStart[node];
        int hi = edgeStart[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeChars[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edgeTargets[mid];
            }
        }
        return 0;
    }

    /** Collects keys; not thread-safe, use once. */
    public static final class Builder {
        private final Map<Long, Integer> edges = new HashMap<>();
        private final List<int[]> payloads = new ArrayList<>();
        private final IntList nodeDepth = new IntList();
        private int keys;

        private Builder() {
            payloads.add(null);
            nodeDepth.add(0);
        }

        public Builder add(CharSequence key, int payload) {
            if (key.length() == 0) {
                throw new IllegalArgumentException("empty key");
            }
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                long edgeKey = ((long) node << 16) | key.charAt(i);
                Integer next = edges.get(edgeKey);
                if (next == null) {
                    next = payloads.size();
                    payloads.add(null);
                    nodeDepth.add(i + 1);
                    edges.put(edgeKey, next);
                }
                node = next;
            }
            int[] old = payloads.get(node);
            int[] grown = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = payload;
            payloads.set(node, grown);
            keys++;
            return this;
        }

        public AhoCorasick build() {
            int n = payloads.size();
            // Group edges by parent so each node's edges are contiguous and sorted by char.
            long[] sorted = new long[edges.size()];
            int[] targetsOf = new int[edges.size()];
            int idx = 0;
            for (Map.Entry<Long, Integer> e : edges.entrySet()) {
                sorted[idx++] = e.getKey();
            }
            Arrays.sort(sorted);
            int[] edgeStart = new int[n + 1];
            char[] edgeChars = new char[sorted.length];
            for (int k = 0; k < sorted.length; k++) {
                int parent = (int) (sorted[k] >>> 16);
                edgeChars[k] = (char) (sorted[k] & 0xFFFF);
                targetsOf[k] = edges.get(sorted[k]);
                edgeStart[parent + 1]++;
            }
            for (int k = 0; k < n; k++) {
                edgeStart[k + 1] += edgeStart[k];
            }
            int[] rootNext = new int[Character.MAX_VALUE + 1];
            for (int k = edgeStart[0]; k < edgeStart[1]; k++) {
                rootNext[edgeChars[k]] = targetsOf[k];
            }
            int[] outStart = new int[n + 1];
            for (int k = 0; k < n; k++) {
                int[] p = payloads.get(k);
                outStart[k + 1] = outStart[k] + (p == null ? 0 : p.length);
            }
            int[] outPayloads = new int[outStart[n]];
            for (int k = 0; k < n; k++) {
                int[] p = payloads.get(k);
                if (p != null) {
                    System.arraycopy(p, 0, outPayloads, outStart[k], p.length);
                }
            }
            AhoCorasick partial = new AhoCorasick(rootNext, edgeStart, edgeChars, targetsOf, new int[n],
                    new int[n], outStart, outPayloads, nodeDepth.toArray(), keys);
            partial.linkFailures(edgeChars, targetsOf);
            return partial;
        }
    }

    /** Breadth-first: a node's failure target is always shallower, hence already final. */
    private void linkFailures(char[] chars, int[] targets) {
        Arrays.fill(outLink, NONE);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = edgeStart[0]; k < edgeStart[1]; k++) {
            fail[targets[k]] = 0;
            queue.add(targets[k]);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int k = edgeStart[node]; k < edgeStart[node + 1]; k++) {
                int child = targets[k];
                char c = chars[k];
                int f = fail[node];
                int target;
                while (true) {
                    int next = f == 0 ? rootNext[c] : child(f, c);
                    if (next > 0) {
                        target = next;
                        break;
                    }
                    if (f == 0) {
                        target = 0;
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = target;
                outLink[child] = outStart[target] != outStart[target + 1] ? target : outLink[target];
                queue.add(child);
            }
        }
    }

    private static final class IntList {
        private int[] data = new int[1024];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
