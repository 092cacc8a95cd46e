-- Patient-reported outcome responses (questionnaires) of each episode, stored as answered with the score computed
-- at recording and the instrument's id and version, so that a later edit of an instrument file changes no stored
-- score. Responses are immutable; a mistaken one is voided (who, when, why), never
-- deleted, and version goes from 1 to 2. timepoint_id names a follow-up protocol timepoint (such as 6w); it is text with no
-- foreign key, so responses can be recorded before or outside a protocol. answers and flags are json (kept as
-- written; see V2 on json versus jsonb). Site isolation as in V1: site_id leads every key, row-level security forced.

create table prom_response (
    site_id              uuid not null default ilium_current_site(),
    id                   uuid not null,
    episode_id           uuid not null,
    instrument_id        text not null check (instrument_id ~ '^[a-z][a-z0-9_]{0,39}$'),
    instrument_version   text not null check (length(instrument_version) between 1 and 40),
    timepoint_id         text check (timepoint_id ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    -- item id -> whole number or choice code; blank items left out
    answers              json not null check (json_typeof(answers) = 'object'),
    score                numeric,
    answered             integer not null check (answered >= 0),
    -- ODI band; the chosen code of a single-choice instrument; derived flags such as improved
    band                 text,
    answer               text,
    flags                json not null check (json_typeof(flags) = 'object'),
    collected_on         date not null,
    source               text not null check (source in ('patient_link', 'clinician', 'paper', 'import')),
    recorded_by          text not null,
    recorded_by_user_id  uuid not null references app_user (id),
    version              integer not null default 1 check (version in (1, 2)),
    voided_at            timestamptz,
    voided_by            text,
    void_reason          text check (length(void_reason) between 1 and 1000),
    check ((voided_at is null) = (voided_by is null) and (voided_at is null) = (void_reason is null)
           and (voided_at is null) = (version = 1)),
    -- order of recording: breaks ties between responses of the same date
    seq                  bigint generated always as identity,
    created_at           timestamptz not null default now(),
    primary key (site_id, id),
    foreign key (site_id, episode_id) references episode_of_care (site_id, id)
);
create index prom_response_episode_idx on prom_response (site_id, episode_id, instrument_id, collected_on, seq);

alter table prom_response enable row level security;
alter table prom_response force row level security;
create policy site_isolation on prom_response
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());
