-- Follow-up after surgery (org.ilium.followup) and the reminder outbox (org.ilium.notify).
-- Site isolation as in V1 for everything patient-owned: site_id leads every key, row-level security forced.
-- The one exception is patient_link, read by patients who are not signed in (see below).

-- One follow-up schedule per episode: the protocol (content/protocols) and the surgery date it runs from.
create table follow_up_enrolment (
    site_id           uuid not null default ilium_current_site(),
    episode_id        uuid not null,
    protocol_id       text not null,
    protocol_version  text not null,
    surgery_date      date not null,
    version           integer not null default 1 check (version > 0),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (site_id, episode_id),
    foreign key (site_id, episode_id) references episode_of_care (site_id, id)
);

-- Completions of timepoints; a timepoint without a row is not completed. The first completion counts.
create table follow_up_completion (
    site_id        uuid not null default ilium_current_site(),
    episode_id     uuid not null,
    timepoint_id   text not null,
    completed_at   timestamptz not null,
    source         text not null check (source in ('clinician', 'paper', 'phone', 'patient_link')),
    completed_by   text not null,
    primary key (site_id, episode_id, timepoint_id),
    foreign key (site_id, episode_id) references follow_up_enrolment (site_id, episode_id)
);

alter table follow_up_enrolment enable row level security;
alter table follow_up_enrolment force row level security;
create policy site_isolation on follow_up_enrolment
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());

alter table follow_up_completion enable row level security;
alter table follow_up_completion force row level security;
create policy site_isolation on follow_up_completion
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());

-- Links sent to patients, one per timepoint at a time. Deliberately NOT under row-level security: a patient
-- opening a link is not signed in, so there is no site to scope by until the link is found. It therefore
-- holds no patient data: the SHA-256 of the token (the token itself is never stored), identifiers, the
-- protocol timepoint and the times. Everything else is read afterwards as an actor of the link's site.
create table patient_link (
    token_hash        bytea primary key check (length(token_hash) = 32),
    site_id           uuid not null references site (id),
    episode_id        uuid not null,
    protocol_id       text not null,
    protocol_version  text not null,
    timepoint_id      text not null,
    created_at        timestamptz not null,
    expires_at        timestamptz not null,
    used_at           timestamptz,
    -- set when a newer link for the same timepoint replaced this one, or the schedule moved
    revoked_at        timestamptz
);
create index patient_link_timepoint_idx on patient_link (site_id, episode_id, timepoint_id);

-- E-mail waiting to be sent, and sent. Site-scoped: it holds the patient's e-mail address. The body holds
-- no token: the sender issues a fresh link when it sends and puts it in place of {link}. One row per
-- reminder (due, day3, day7) of a timepoint of an episode, so a reminder is never planned twice.
create table outbox_message (
    site_id          uuid not null default ilium_current_site(),
    id               uuid not null,
    episode_id       uuid not null,
    timepoint_id     text not null,
    reminder         text not null check (reminder in ('due', 'day3', 'day7')),
    recipient        text not null,
    subject          text not null,
    body             text not null,
    created_at       timestamptz not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    sent_at          timestamptz,
    -- set instead of sending when the timepoint is no longer due (completed, or its window closed)
    cancelled_at     timestamptz,
    primary key (site_id, id),
    unique (site_id, episode_id, timepoint_id, reminder),
    foreign key (site_id, episode_id) references follow_up_enrolment (site_id, episode_id)
);
create index outbox_message_pending_idx on outbox_message (site_id, next_attempt_at) where sent_at is null and cancelled_at is null;

alter table outbox_message enable row level security;
alter table outbox_message force row level security;
create policy site_isolation on outbox_message
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());
