-- FHIR Bulk Data export jobs (org.ilium.interop.fhir.BulkExport), kept so that $export-status, the files and
-- DELETE keep working across a restart. folder names the job's directory under <data dir>/bulk-export/;
-- output holds the count per resource type of a finished job ({"Patient": 3, ...}). A job still 'running'
-- when the server starts again was cut off by the stop and is marked 'failed'. Finished jobs expire
-- (ILIUM_BULK_EXPORT_EXPIRY): row and files deleted. Site isolation as in V1.

create table bulk_export_job (
    site_id           uuid not null default ilium_current_site() references site (id),
    id                uuid not null,
    owner_user_id     uuid not null references app_user (id),
    request           text not null check (length(request) between 1 and 4000),
    types             text not null,
    since             timestamptz,
    transaction_time  timestamptz not null,
    status            text not null check (status in ('running', 'done', 'failed')),
    folder            uuid not null unique,
    output            jsonb,
    error             text,
    finished_at       timestamptz,
    primary key (site_id, id),
    check ((status = 'running') = (finished_at is null)),
    check ((status = 'done') = (output is not null)),
    check ((status = 'failed') = (error is not null))
);
create index bulk_export_job_finished_idx on bulk_export_job (site_id, finished_at) where finished_at is not null;

alter table bulk_export_job enable row level security;
alter table bulk_export_job force row level security;
create policy site_isolation on bulk_export_job
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());
