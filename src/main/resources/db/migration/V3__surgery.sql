-- Surgery: complications and procedures (operations, revisions included) of each episode. The payload
-- is the record as org.ilium.surgery.SurgeryJson writes it (json, kept as written, as in V2); the
-- columns beside it are what queries and keys need. Corrections replace the row and raise its version.
-- Site isolation as in V1: site_id leads every key, row-level security forced.

create table complication_event (
    site_id              uuid not null default ilium_current_site(),
    id                   uuid not null,
    episode_id           uuid not null,
    code                 text not null,
    onset_date           date not null,
    payload              json not null check (json_typeof(payload) = 'object'),
    recorded_by          text not null,
    recorded_by_user_id  uuid not null references app_user (id),
    version              integer not null check (version > 0),
    seq                  bigint generated always as identity,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    primary key (site_id, id),
    foreign key (site_id, episode_id) references episode_of_care (site_id, id)
);
create index complication_event_episode_idx on complication_event (site_id, episode_id, onset_date, seq);

create table surgical_procedure (
    site_id              uuid not null default ilium_current_site(),
    id                   uuid not null,
    episode_id           uuid not null,
    performed_on         date not null,
    cpt                  text not null,
    revision             boolean not null,
    -- the complication that led to a revision, if any
    complication_id      uuid,
    payload              json not null check (json_typeof(payload) = 'object'),
    recorded_by          text not null,
    recorded_by_user_id  uuid not null references app_user (id),
    version              integer not null check (version > 0),
    seq                  bigint generated always as identity,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    primary key (site_id, id),
    foreign key (site_id, episode_id) references episode_of_care (site_id, id),
    foreign key (site_id, complication_id) references complication_event (site_id, id),
    check (revision or complication_id is null)
);
create index surgical_procedure_episode_idx on surgical_procedure (site_id, episode_id, performed_on, seq);

alter table complication_event enable row level security;
alter table complication_event force row level security;
create policy site_isolation on complication_event
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());

alter table surgical_procedure enable row level security;
alter table surgical_procedure force row level security;
create policy site_isolation on surgical_procedure
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());
