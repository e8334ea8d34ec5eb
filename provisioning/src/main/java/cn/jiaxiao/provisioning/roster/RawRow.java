package cn.jiaxiao.provisioning.roster;

import java.util.List;

/** A row of cells as a reader found it, before the header gives the cells a meaning. */
record RawRow(int lineNo, List<String> cells) {

    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
