package cn.jiaxiao.routes.push;

/**
 * Some messages of a push batch met a temporary failure (throttling, a push service down): they are released,
 * everything else is recorded, and throwing rolls the broker transaction back so that the batch comes again.
 */
public class PushRetryException extends Exception {

    public PushRetryException(String message) {
        super(message, null, false, false);
    }
}
