-- Sites, users, patients and episodes of care.
-- Every patient-owned table leads its keys with site_id and is guarded by row-level security on the
-- session setting ilium.site_id, which the application sets on every connection it hands out
-- (org.ilium.database.SiteScopedDataSource). FORCE applies the policies to the owning role too.

create function ilium_current_site() returns uuid
    language sql stable
    as $$ select nullif(current_setting('ilium.site_id', true), '')::uuid $$;

create table site (
    id          uuid primary key,
    code        text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    name        text not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now()
);

create table app_user (
    id             uuid primary key,
    site_id        uuid not null references site (id),
    username       text not null,
    password_hash  text not null,
    roles          text[] not null,
    enabled        boolean not null default true,
    created_at     timestamptz not null default now()
);
create unique index app_user_username_key on app_user (lower(username));

create table patient (
    site_id      uuid not null default ilium_current_site() references site (id),
    id           uuid not null,
    mrn          text not null,
    given_name   text not null,
    family_name  text not null,
    birth_date   date not null,
    sex          text not null check (sex in ('female', 'male', 'other', 'unknown')),
    email        text,
    phone        text,
    version      integer not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (site_id, id),
    unique (site_id, mrn)
);
create index patient_family_name_idx on patient (site_id, lower(family_name));
create index patient_birth_date_idx on patient (site_id, birth_date);

create table episode_of_care (
    site_id     uuid not null default ilium_current_site(),
    id          uuid not null,
    patient_id  uuid not null,
    side        text not null check (side in ('left', 'right', 'bilateral')),
    status      text not null check (status in ('referred', 'in_workup', 'decided', 'scheduled', 'operated', 'in_follow_up', 'closed')),
    candidate   boolean,
    version     integer not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (site_id, id),
    foreign key (site_id, patient_id) references patient (site_id, id),
    -- candidacy is open before the decision, known at it, and positive for everything that follows surgery planning
    check (case status when 'referred' then candidate is null
                       when 'in_workup' then candidate is null
                       when 'decided' then candidate is not null
                       when 'closed' then true
                       else coalesce(candidate, false) end)
);
create index episode_of_care_patient_idx on episode_of_care (site_id, patient_id);

-- Who moved an episode, when and why. Append-only.
create table episode_transition (
    site_id      uuid not null default ilium_current_site(),
    episode_id   uuid not null,
    seq          integer not null,
    from_status  text,
    to_status    text not null,
    candidate    boolean,
    reason       text not null,
    by_user_id   uuid not null references app_user (id),
    by_username  text not null,
    at           timestamptz not null,
    primary key (site_id, episode_id, seq),
    foreign key (site_id, episode_id) references episode_of_care (site_id, id)
);

alter table patient enable row level security;
alter table patient force row level security;
create policy site_isolation on patient
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());

alter table episode_of_care enable row level security;
alter table episode_of_care force row level security;
create policy site_isolation on episode_of_care
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());

alter table episode_transition enable row level security;
alter table episode_transition force row level security;
create policy site_isolation on episode_transition
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());
