package cn.jiaxiao.routes.notice;

import cn.jiaxiao.routes.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint an approval is bound to: title, body, kind, audience and channels. Any edit changes
 * it, so an approval given to one text can never be carried over to another.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(NoticeDraft draft) {
        String canonical = Json.write(new Object[] {draft.title(), draft.body(), draft.kind().name(),
                draft.audience(), draft.channels()});
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
