-- A work-up record's current version is stored once, in workup_record; workup_record_version keeps only the
-- versions a correction replaced (V2 kept every version there, the current one included, so every record was
-- written twice: for a synthetic or imported cohort that was 28 of a patient's 80 rows and a second copy of each
-- JSON payload). The history of a record is its superseded versions plus the current row, exactly as before:
-- the current row now carries the reason of its correction (null for version 1), and its updated_at is the
-- moment its version was written (`at`). A correction copies the current row into workup_record_version, then
-- replaces it (org.ilium.workup.WorkupRepository.update), in the same transaction and under the row lock the
-- correction already holds, so no version is ever lost or doubled.

alter table workup_record add column reason text check (length(reason) between 1 and 1000);

-- Row-level security would hide every row from this migration (no site is set), so it is lifted for these
-- statements, for the owner only (as in V7).
alter table workup_record no force row level security;
alter table workup_record disable row level security;
alter table workup_record_version no force row level security;
alter table workup_record_version disable row level security;

update workup_record r set reason = v.reason, updated_at = v.at
from workup_record_version v
where v.site_id = r.site_id and v.record_id = r.id and v.version = r.version;

delete from workup_record_version v
using workup_record r
where v.site_id = r.site_id and v.record_id = r.id and v.version = r.version;

alter table workup_record enable row level security;
alter table workup_record force row level security;
alter table workup_record_version enable row level security;
alter table workup_record_version force row level security;

comment on table workup_record_version is
    'Versions of work-up records that a correction replaced, append-only; the current version is the workup_record row (V11).';

