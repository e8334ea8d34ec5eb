package cn.jiaxiao.filter.match;

/** Receives matches as the automaton finds them; positions are view indices, end exclusive. */
@FunctionalInterface
public interface MatchSink {

    void onMatch(int start, int end, int payload);
}
