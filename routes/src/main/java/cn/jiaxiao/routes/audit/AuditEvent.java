package cn.jiaxiao.routes.audit;

import java.time.Instant;

/**
 * One transition in the audit trail. {@code actorId} null means the system acted; {@code actorUsername}
 * and {@code actorName} are joined from the staff account for display and are not part of the hash.
 */
public record AuditEvent(long id, Long noticeId, String action, Long actorId, String actorUsername,
        String actorName, String role, Instant at, String contentHash, String comment, String prevHash,
        String hash) {
}
