package cn.jiaxiao.smsc;

import java.time.Instant;
import org.jsmpp.session.SMPPServerSession;

/**
 * A delivery receipt owed to an ESME for one accepted part. Everything that shapes it is captured at
 * submit time, so a later config change does not rewrite receipts already promised.
 */
record Receipt(String systemId, SMPPServerSession origin, byte originalSourceTon, byte originalSourceNpi,
        String originalSource, byte originalDestTon, byte originalDestNpi, String originalDestination,
        String submittedId, String idInText, String state, Instant submittedAt, String partText,
        boolean withTlvs, boolean preferOtherSession) {
}
