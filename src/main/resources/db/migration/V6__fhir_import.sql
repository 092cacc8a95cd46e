-- FHIR import (org.ilium.interop.fhir.FhirImport).
-- fhir_import_ledger: every imported resource, by (source system, resource type, resource id), with the
-- Ilium id it became (a patient, a work-up record, a problem) or none when it was read and skipped on
-- purpose. Written in the same transaction as what it records, so a re-run after a crash finds exactly what
-- was committed and imports only the rest: importing the same data twice changes nothing.
-- problem_list: the conditions and procedures an import brought in that matter to SIJ work-up;
-- screen = true marks a reason to screen the patient for SIJ work-up (chronic low back pain and the
-- ICD-10 codes of the Medicare billing article). Site isolation as in V1: site_id leads every key,
-- row-level security forced.

create table fhir_import_ledger (
    site_id        uuid not null default ilium_current_site() references site (id),
    source_system  text not null check (length(source_system) between 1 and 500),
    resource_type  text not null check (length(resource_type) between 1 and 64),
    resource_id    text not null check (length(resource_id) between 1 and 200),
    ilium_id       uuid,
    imported_at    timestamptz not null default now(),
    primary key (site_id, source_system, resource_type, resource_id)
);

create table problem_list (
    site_id       uuid not null default ilium_current_site() references site (id),
    id            uuid not null,
    patient_id    uuid not null,
    kind          text not null check (kind in ('condition', 'procedure')),
    code_system   text not null,
    code          text not null,
    display       text,
    onset         date,
    abatement     date,
    screen        boolean not null,
    source        text not null check (source in ('ehr_import')),
    created_at    timestamptz not null default now(),
    primary key (site_id, id),
    foreign key (site_id, patient_id) references patient (site_id, id)
);
create index problem_list_patient_idx on problem_list (site_id, patient_id);
create index problem_list_screen_idx on problem_list (site_id, patient_id) where screen;

alter table fhir_import_ledger enable row level security;
alter table fhir_import_ledger force row level security;
create policy site_isolation on fhir_import_ledger
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());

alter table problem_list enable row level security;
alter table problem_list force row level security;
create policy site_isolation on problem_list
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());
