package cn.jiaxiao.routes.push;

/** No access token could be had. Temporary when the token endpoint was unreachable or overloaded. */
public class AccessTokenException extends Exception {

    private final boolean temporary;

    public AccessTokenException(String message, boolean temporary) {
        super(message);
        this.temporary = temporary;
    }

    public boolean temporary() {
        return temporary;
    }
}
