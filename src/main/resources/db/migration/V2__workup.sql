-- The SI joint work-up of each episode: one row per record (pain score, ODI, provocation test, ...),
-- with every version kept. workup_record holds the current version of each record; corrections
-- replace it and append to workup_record_version, which holds every version, the first included,
-- with who wrote it, when and why. The payload is the record as org.ilium.workup.WorkupWriter writes
-- it, without its id: json, not jsonb, so that it is kept as written and read back without conversion
-- (converting jsonb to text took 40% of the database's time when streaming a site's work-up; cast
-- to jsonb in a query that needs its operators). Site isolation as in V1: site_id leads every key,
-- row-level security forced.

create table workup_record (
    site_id              uuid not null default ilium_current_site(),
    id                   uuid not null,
    episode_id           uuid not null,
    kind                 text not null check (kind in ('pain-scores', 'odi', 'provocation-tests', 'fortin', 'injections',
                                                       'conservative-care', 'imaging', 'risk-factors', 'symptom-history',
                                                       'planned-procedures')),
    recorded_on          date not null,
    payload              json not null check (json_typeof(payload) = 'object'),
    recorded_by          text not null,
    recorded_by_user_id  uuid not null references app_user (id),
    source               text not null check (source in ('clinician', 'patient', 'outside_records', 'ehr_import', 'case_file')),
    version              integer not null check (version > 0),
    -- order of recording: breaks ties between records of the same date
    seq                  bigint generated always as identity,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    primary key (site_id, id),
    foreign key (site_id, episode_id) references episode_of_care (site_id, id)
);
-- the work-up of one episode (all of it, or one kind by date), and a site's work-up in episode order
create index workup_record_episode_idx on workup_record (site_id, episode_id, kind, recorded_on, seq);

-- Every version of every record, append-only.
create table workup_record_version (
    site_id              uuid not null default ilium_current_site(),
    record_id            uuid not null,
    version              integer not null check (version > 0),
    recorded_on          date not null,
    payload              json not null check (json_typeof(payload) = 'object'),
    recorded_by          text not null,
    recorded_by_user_id  uuid not null references app_user (id),
    source               text not null,
    -- why a correction was made; null for the first version
    reason               text check (length(reason) between 1 and 1000),
    at                   timestamptz not null,
    primary key (site_id, record_id, version),
    foreign key (site_id, record_id) references workup_record (site_id, id)
);

alter table workup_record enable row level security;
alter table workup_record force row level security;
create policy site_isolation on workup_record
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());

alter table workup_record_version enable row level security;
alter table workup_record_version force row level security;
create policy site_isolation on workup_record_version
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());
