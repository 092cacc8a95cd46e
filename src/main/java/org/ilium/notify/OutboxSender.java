package org.ilium.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ilium.followup.PatientLinks;
import org.ilium.shared.Actor;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox over SMTP, per site as that site's actor. For each message due for an attempt: issue a
 * fresh patient link (the timepoint no longer due: the message is cancelled), put it in the body, send,
 * and record {@code sent_at}; on failure count the attempt, keep an error without patient data (exception
 * types only: SMTP errors may quote the address) and retry after 1, 2, 4, ... minutes, at most
 * {@link #MAX_BACKOFF} apart, until it is sent or the timepoint is no longer due. One sender per database.
 */
public class OutboxSender {
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final SiteActors actors;
    private final NotifyRepository outbox;
    private final PatientLinks links;
    private final Optional<JavaMailSender> mail;
    private final TransactionTemplate tx;
    private final String from;
    private final String publicUrl;
    private final Clock clock;

    OutboxSender(SiteActors actors, NotifyRepository outbox, PatientLinks links, Optional<JavaMailSender> mail, TransactionTemplate tx,
            String from, String publicUrl, Clock clock) {
        this.actors = actors;
        this.outbox = outbox;
        this.links = links;
        this.mail = mail;
        this.tx = tx;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** Tries every message due by {@code now}; returns how many were sent. Without SMTP configured, nothing is tried. */
    public int sendDue(Instant now) {
        if (mail.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (Actor actor : actors.all()) {
            sent += CurrentActor.callAs(actor, () -> sendSite(now));
        }
        return sent;
    }

    static Duration backoff(int attemptsSoFar) {
        Duration d = FIRST_BACKOFF;
        for (int i = 1; i < attemptsSoFar && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private int sendSite(Instant now) {
        List<NotifyRepository.Message> due = new ArrayList<>(tx.execute(s -> outbox.due(now, BATCH)));
        int sent = 0;
        for (NotifyRepository.Message m : due) {
            String token;
            try {
                token = tx.execute(s -> links.issue(m.episodeId(), m.timepointId()));
            } catch (ConflictException | NotFoundException e) {
                tx.executeWithoutResult(s -> outbox.cancel(m.id(), clock.instant()));
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(m.recipient());
            message.setSubject(m.subject());
            message.setText(m.body().replace(ReminderPlanner.LINK, publicUrl + "/q/" + token));
            try {
                mail.get().send(message);
            } catch (RuntimeException e) {
                String error = describe(e);
                Instant next = clock.instant().plus(backoff(m.attempts() + 1));
                tx.executeWithoutResult(s -> outbox.failed(m.id(), error, next));
                log.warn("Reminder {} not sent (attempt {}): {}; next attempt at {}", m.id(), m.attempts() + 1, error, next);
                continue;
            }
            tx.executeWithoutResult(s -> outbox.sent(m.id(), clock.instant()));
            sent++;
        }
        return sent;
    }

    /** The chain of exception types, without messages, which may quote the recipient. */
    static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            if (s.length() > 0) {
                s.append(" <- ");
            }
            s.append(t.getClass().getSimpleName());
        }
        return s.toString();
    }
}
