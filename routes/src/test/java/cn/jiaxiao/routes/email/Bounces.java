package cn.jiaxiao.routes.email;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Bounces as real mail servers write them (Postfix DSN, a plain non-DSN bounce), for the tests. */
final class Bounces {

    private Bounces() {
    }

    static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** A Postfix-style RFC 3464 report for message {@code id} sent with {@code messageId}. */
    static String dsn(long id, String messageId, String status, String action) {
        return """
                Return-Path: <>
                Delivered-To: bounces+%1$d@school.example
                Received: by mx.school.example (Postfix) id 4ZQ9; Mon,  1 Sep 2025 08:00:03 +0800 (CST)
                Date: Mon,  1 Sep 2025 08:00:03 +0800 (CST)
                From: MAILER-DAEMON@mx.example.com (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                To: bounces+%1$d@school.example
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                \tboundary="4ZQ9.1756684803/mx.example.com"
                Message-Id: <20250901000003.4ZQ9@mx.example.com>

                This is a MIME-encapsulated message.

                --4ZQ9.1756684803/mx.example.com
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.example.com.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                <wang.wu@example.com>: host mx.example.com[203.0.113.5] said: 550 5.1.1
                    <wang.wu@example.com>: Recipient address rejected: User unknown in
                    virtual mailbox table (in reply to RCPT TO command)

                --4ZQ9.1756684803/mx.example.com
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com
                X-Postfix-Queue-ID: 4ZQ9
                X-Postfix-Sender: rfc822; bounces+%1$d@school.example
                Arrival-Date: Mon,  1 Sep 2025 08:00:02 +0800 (CST)

                Final-Recipient: rfc822; wang.wu@example.com
                Original-Recipient: rfc822;wang.wu@example.com
                Action: %4$s
                Status: %3$s
                Remote-MTA: dns; mx.example.com
                Diagnostic-Code: smtp; 550 5.1.1 <wang.wu@example.com>: Recipient address
                    rejected: User unknown in virtual mailbox table

                --4ZQ9.1756684803/mx.example.com
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                Return-Path: <bounces+%1$d@school.example>
                From: =?UTF-8?B?56S66IyD5Lit5a2m?= <noreply@school.example>
                To: wang.wu@example.com
                Message-ID: %2$s
                Subject: =?UTF-8?B?5byA5a2m5YW456S86YCa55+l?=
                X-Jiaxiao-Message-Id: %1$d
                Auto-Submitted: auto-generated

                --4ZQ9.1756684803/mx.example.com--
                """.formatted(id, messageId, status, action);
    }

    /** A bounce without a report part, the original quoted as text; sent to the VERP address only. */
    static String plain(long id) {
        return """
                Return-Path: <>
                Delivered-To: bounces+%1$d@school.example
                From: Mail Delivery Subsystem <mailer-daemon@mail.example.net>
                To: bounces+%1$d@school.example
                Subject: Undelivered Mail Returned to Sender
                Date: Mon, 1 Sep 2025 08:10:00 +0800
                Content-Type: text/plain; charset=us-ascii

                Hi. This is the qmail-send program at mail.example.net.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <li.si@example.net>:
                550 5.2.1 mailbox disabled for li.si@example.net

                --- Below this line is a copy of the message.

                From: noreply@school.example
                Subject: notice
                """.formatted(id);
    }
}
