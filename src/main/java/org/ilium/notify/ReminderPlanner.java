package org.ilium.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.ilium.followup.FollowUp;
import org.ilium.followup.FollowUpService;
import org.ilium.followup.domain.ScheduledTimepoint;
import org.ilium.followup.domain.TimepointStatus;
import org.ilium.patient.PatientService;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the outbox: for every due timepoint (window open, not completed) of every enrolled episode whose
 * patient has an e-mail address, one reminder when the window opens ({@code due}), one 3 days later
 * ({@code day3}) and one 7 days later ({@code day7}). Only the latest reminder that applies on the day is
 * queued, so a planner that did not run for a week sends one message, not three; each reminder is queued at
 * most once (unique in the table). The message holds no token and no diagnosis: the sender puts a fresh link
 * in place of {@code {link}} when it sends.
 */
@Service
public class ReminderPlanner {
    static final String LINK = "{link}";
    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final SiteActors actors;
    private final FollowUpService followUp;
    private final PatientService patients;
    private final NotifyRepository outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReminderPlanner(SiteActors actors, FollowUpService followUp, PatientService patients, NotifyRepository outbox, TransactionTemplate tx,
            Clock clock) {
        this.actors = actors;
        this.followUp = followUp;
        this.patients = patients;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** Plans every site's reminders for {@code today}; returns how many messages were queued. */
    public int plan(LocalDate today) {
        int queued = 0;
        for (Actor actor : actors.all()) {
            queued += CurrentActor.callAs(actor, () -> tx.execute(s -> planSite(today)));
        }
        if (queued > 0) {
            log.info("Queued {} follow-up reminder(s)", queued);
        }
        return queued;
    }

    /** The reminder that applies {@code daysOpen} days after the window opened. */
    static String reminder(long daysOpen) {
        return daysOpen >= 7 ? "day7" : daysOpen >= 3 ? "day3" : "due";
    }

    private int planSite(LocalDate today) {
        int queued = 0;
        for (FollowUp f : followUp.enrolled()) {
            String email = null;
            for (ScheduledTimepoint tp : f.schedule().timepoints()) {
                if (!tp.statusOn(today).answerable()) {
                    continue;
                }
                String reminder = reminder(ChronoUnit.DAYS.between(tp.opens(), today));
                if (outbox.exists(f.episodeId(), tp.timepoint().id(), reminder)) {
                    continue;
                }
                if (email == null) {
                    email = patients.get(patients.episode(f.episodeId()).patientId()).details().email();
                    if (email == null || email.isBlank()) {
                        break;
                    }
                }
                if (outbox.enqueue(f.episodeId(), tp.timepoint().id(), reminder, email, subject(reminder), body(tp, reminder), clock.instant())) {
                    queued++;
                }
            }
        }
        return queued;
    }

    static String subject(String reminder) {
        return "due".equals(reminder) ? "Your follow-up questionnaire" : "Reminder: your follow-up questionnaire";
    }

    static String body(ScheduledTimepoint tp, String reminder) {
        return "Hello,\n\n"
                + ("due".equals(reminder) ? "It is time for your follow-up questionnaire" : "We have not yet received your follow-up questionnaire")
                + " (" + tp.timepoint().label() + "). It takes about 10 minutes.\n\n"
                + "Please answer by " + DEADLINE.format(tp.closes()) + " using your personal link:\n\n"
                + LINK + "\n\n"
                + "The link works once and only for you; please do not forward this message. If you have answered already, "
                + "please ignore it.\n\nThank you,\nYour clinic's follow-up team\n";
    }
}
