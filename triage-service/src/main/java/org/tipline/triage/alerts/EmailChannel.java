package org.tipline.triage.alerts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.tipline.triage.referrals.ReferralProperties;

/** Mail to the on-call address: urgent alerts and the digest. Never called with a connection or row lock held. */
@Component
class EmailChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final AlertProperties properties;
    private final String from;

    EmailChannel(ObjectProvider<JavaMailSender> mail, AlertProperties properties, ReferralProperties referrals) {
        this.mail = mail;
        this.properties = properties;
        this.from = referrals.from();
    }

    boolean configured() {
        return properties.email() != null && mail.getIfAvailable() != null;
    }

    /** Throws {@link org.springframework.mail.MailException} when the server refuses or cannot be reached. */
    void send(String subject, String text) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(properties.email());
        message.setSubject(subject);
        message.setText(text);
        mail.getObject().send(message);
    }
}
