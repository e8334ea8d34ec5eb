package cn.jiaxiao.provisioning.people;

/** A student as a message names him: name and class. */
public record StudentRef(long id, String name, String classCode, String className) {
}
