package cn.jiaxiao.routes.smpp;

/** A concatenated mobile-originated message put back together: whole, or what arrived of it in time. */
public record ReassembledMo(InboundSms sms, int partsReceived, int partsExpected) {

    public boolean incomplete() {
        return partsReceived < partsExpected;
    }
}
