package cn.jiaxiao.smsc;

import org.jsmpp.bean.BindType;
import org.jsmpp.session.SMPPServerSession;

/** A session that completed bind, with who bound it and how. */
record BoundSession(SMPPServerSession session, String systemId, BindType bindType) {

    boolean canReceive() {
        return bindType.isReceivable() && session.getSessionState().isReceivable();
    }
}
