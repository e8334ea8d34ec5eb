package cn.jiaxiao.app.security;

/** A bearer token that is unknown or revoked. */
class InvalidTokenException extends RuntimeException {

    InvalidTokenException() {
        super("Invalid or revoked API token");
    }
}
