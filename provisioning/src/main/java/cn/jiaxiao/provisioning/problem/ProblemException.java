package cn.jiaxiao.provisioning.problem;

/**
 * A refusal the caller can act on. The web layer turns it into an {@code application/problem+json}
 * answer with {@link #status()}; {@link #field()} names the input at fault, when there is one.
 * The message is the Chinese text shown to the user.
 */
public class ProblemException extends RuntimeException {

    private final Kind kind;
    private final String field;
    private final java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();

    public enum Kind {
        INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), UNPROCESSABLE(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public ProblemException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Kind.INVALID, field, message);
    }

    public static ProblemException forbidden(String field, String message) {
        return new ProblemException(Kind.FORBIDDEN, field, message);
    }

    /** Well-formed, but against a rule (e.g. a chain without an approval). */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(Kind.UNPROCESSABLE, field, message);
    }

    public static ProblemException notFound(String message) {
        return new ProblemException(Kind.NOT_FOUND, null, message);
    }

    public static ProblemException conflict(String message) {
        return new ProblemException(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String field() {
        return field;
    }

    /** Adds a member to the problem body, e.g. the quota that was exceeded or a template's problems. */
    public ProblemException with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }
}
