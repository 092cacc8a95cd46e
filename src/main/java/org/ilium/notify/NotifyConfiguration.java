package org.ilium.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import org.ilium.followup.PatientLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMTP from the ILIUM_SMTP_* settings (ilium.mail.*), else Spring's spring.mail.* if set, else no e-mail (the
 * outbox keeps filling and is sent once SMTP is configured); and the scheduled reminder job.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotifyConfiguration {
    @Bean
    OutboxSender outboxSender(SiteActors actors, NotifyRepository outbox, PatientLinks links, TransactionTemplate tx, Clock clock,
            ObjectProvider<JavaMailSender> springMail,
            @Value("${ilium.mail.host:}") String host, @Value("${ilium.mail.port:25}") int port,
            @Value("${ilium.mail.user:}") String user, @Value("${ilium.mail.password:}") String password,
            @Value("${ilium.mail.starttls:false}") boolean starttls,
            @Value("${ilium.mail.from:ilium@localhost}") String from, @Value("${ilium.public-url:http://localhost:8080}") String publicUrl) {
        Optional<JavaMailSender> mail;
        if (!host.isBlank()) {
            JavaMailSenderImpl impl = new JavaMailSenderImpl();
            impl.setHost(host);
            impl.setPort(port);
            impl.setDefaultEncoding("UTF-8");
            Properties p = impl.getJavaMailProperties();
            if (!user.isBlank()) {
                impl.setUsername(user);
                impl.setPassword(password);
                p.put("mail.smtp.auth", "true");
            }
            if (starttls) {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            p.put("mail.smtp.connectiontimeout", "10000");
            p.put("mail.smtp.timeout", "20000");
            p.put("mail.smtp.writetimeout", "20000");
            mail = Optional.of(impl);
        } else {
            mail = Optional.ofNullable(springMail.getIfAvailable());
        }
        return new OutboxSender(actors, outbox, links, mail, tx, from, publicUrl, clock);
    }

    /** Plans and sends reminders every {@code ilium.reminders.interval} (default one minute); off with ILIUM_REMINDERS_ENABLED=false. */
    @Bean
    @ConditionalOnProperty(name = "ilium.reminders.enabled", havingValue = "true", matchIfMissing = true)
    ReminderJob reminderJob(ReminderPlanner planner, OutboxSender sender, Clock clock) {
        return new ReminderJob(planner, sender, clock);
    }

    static final class ReminderJob {
        private final ReminderPlanner planner;
        private final OutboxSender sender;
        private final Clock clock;

        ReminderJob(ReminderPlanner planner, OutboxSender sender, Clock clock) {
            this.planner = planner;
            this.sender = sender;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${ilium.reminders.interval:PT1M}", initialDelayString = "${ilium.reminders.interval:PT1M}")
        void run() {
            planner.plan(LocalDate.now(clock));
            sender.sendDue(clock.instant());
        }
    }
}
