package cn.jiaxiao.routes.smpp;

import cn.jiaxiao.routes.delivery.SmscReceipt;

/**
 * Where deliver_sm content goes. Called before deliver_sm_resp is sent: when a call returns, the content
 * must be safe (queued durably); when it throws, the SMSC is told to try again.
 */
public interface InboundHandler {

    void onReceipt(SmscReceipt receipt);

    void onMessage(InboundSms sms);
}
