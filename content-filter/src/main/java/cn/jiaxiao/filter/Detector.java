package cn.jiaxiao.filter;

import java.util.List;

/** One family of checks. Implementations are immutable and safe to share between threads. */
public interface Detector {

    void detect(CheckInput input, List<Finding> out);
}
