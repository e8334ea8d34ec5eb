package cn.jiaxiao.app.config;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.routes.delivery.ReceiptExpiry;
import cn.jiaxiao.routes.delivery.ReceiptExpiryRoute;
import cn.jiaxiao.routes.smpp.MoReassembler;
import cn.jiaxiao.routes.sms.InboundSmsStore;
import cn.jiaxiao.routes.sms.MoReassemblyFlushRoute;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when the SMSC stays silent: messages without a receipt after
 * {@code jiaxiao.smpp.receipt-timeout} become EXPIRED_UNKNOWN, and concatenated replies missing parts
 * after {@code jiaxiao.smpp.mo-reassembly-timeout} are stored as what arrived.
 */
@Configuration(proxyBeanMethods = false)
class ReceiptExpiryConfiguration {

    @Bean
    ReceiptExpiry receiptExpiry(NamedParameterJdbcTemplate jdbc, Clock clock,
            @Value("${jiaxiao.smpp.receipt-timeout:48h}") Duration timeout) {
        return new ReceiptExpiry(jdbc, clock, timeout);
    }

    @Bean
    ReceiptExpiryRoute receiptExpiryRoute(ReceiptExpiry expiry,
            @Value("${jiaxiao.smpp.receipt-expiry-period:1m}") Duration period) {
        return new ReceiptExpiryRoute(expiry, period);
    }

    @Bean
    MoReassembler moReassembler(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, Clock clock,
            @Value("${jiaxiao.smpp.mo-reassembly-timeout:1h}") Duration window) {
        return new MoReassembler(jdbc, cipher, clock, window);
    }

    @Bean
    MoReassemblyFlushRoute moReassemblyFlushRoute(NamedParameterJdbcTemplate jdbc, ContactCipher cipher,
            TransactionTemplate tx, MoReassembler reassembler,
            @Value("${jiaxiao.smpp.receipt-expiry-period:1m}") Duration period) {
        return new MoReassemblyFlushRoute(new InboundSmsStore(jdbc, cipher, tx, reassembler), period);
    }
}
