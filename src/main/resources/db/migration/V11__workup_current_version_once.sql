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


-- Foreign keys checked once per statement instead of once per row, on the three tables that take the bulk of a
-- cohort's or an import's rows (work-up records, questionnaire responses, episode moves: about 46 rows a patient).
-- A row-level foreign key looks up and locks the referenced row for every row written, twice a row here (episode
-- and recording user): EXPLAIN ANALYZE of 55,733 work-up rows gave 380 ms of foreign-key triggers against 504 ms
-- for the insert itself. The same guarantee is kept in two parts:
--  * every statement's new rows name existing episodes of the writer's site and existing users: one lookup per
--    distinct episode and user of the statement, through the primary keys (checked after the statement, before
--    commit, in the writer's transaction; SQLSTATE 23503 as for a foreign key);
--  * what the row lock of a foreign key protected against, the referenced row going away, cannot happen: episodes
--    and users are never deleted (an episode is closed, a user disabled) and never change their key; the guard
--    triggers below refuse both.
alter table workup_record drop constraint workup_record_site_id_episode_id_fkey;
alter table workup_record drop constraint workup_record_recorded_by_user_id_fkey;
alter table prom_response drop constraint prom_response_site_id_episode_id_fkey;
alter table prom_response drop constraint prom_response_recorded_by_user_id_fkey;
alter table episode_transition drop constraint episode_transition_site_id_episode_id_fkey;
alter table episode_transition drop constraint episode_transition_by_user_id_fkey;

-- Row-level security shows the writer's site only and its with-check keeps every written row in that site, so an
-- episode found here is one of the row's site. Index lookups whatever the statistics say (a table analysed while
-- small would otherwise be scanned whole for every statement).
create function ilium_check_references(episodes uuid[], users uuid[], tab text) returns void language plpgsql
    set enable_seqscan = off as $$
begin
    if (select count(*) from episode_of_care e where e.id = any (episodes)) <> cardinality(episodes) then
        raise exception 'insert or update on table "%" violates foreign key: an episode does not exist', tab
            using errcode = 'foreign_key_violation', table = tab;
    end if;
    if (select count(*) from app_user u where u.id = any (users)) <> cardinality(users) then
        raise exception 'insert or update on table "%" violates foreign key: a user does not exist', tab
            using errcode = 'foreign_key_violation', table = tab;
    end if;
end
$$;

create function ilium_check_recorded_references() returns trigger language plpgsql as $$
begin
    perform ilium_check_references(array(select distinct episode_id from new_rows),
        array(select distinct recorded_by_user_id from new_rows), tg_table_name);
    return null;
end
$$;

create function ilium_check_transition_references() returns trigger language plpgsql as $$
begin
    perform ilium_check_references(array(select distinct episode_id from new_rows),
        array(select distinct by_user_id from new_rows), tg_table_name);
    return null;
end
$$;

create trigger workup_record_references_insert after insert on workup_record
    referencing new table as new_rows for each statement execute function ilium_check_recorded_references();
create trigger workup_record_references_update after update on workup_record
    referencing new table as new_rows for each statement execute function ilium_check_recorded_references();
create trigger prom_response_references_insert after insert on prom_response
    referencing new table as new_rows for each statement execute function ilium_check_recorded_references();
create trigger prom_response_references_update after update on prom_response
    referencing new table as new_rows for each statement execute function ilium_check_recorded_references();
create trigger episode_transition_references_insert after insert on episode_transition
    referencing new table as new_rows for each statement execute function ilium_check_transition_references();
create trigger episode_transition_references_update after update on episode_transition
    referencing new table as new_rows for each statement execute function ilium_check_transition_references();

create function ilium_keep_referenced() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted and keep their key: work-up, responses and episode moves refer to them',
        tg_table_name using errcode = 'foreign_key_violation', table = tg_table_name;
end
$$;

create trigger episode_of_care_kept before delete on episode_of_care
    for each row execute function ilium_keep_referenced();
create trigger episode_of_care_key_kept before update on episode_of_care
    for each row when (old.id is distinct from new.id or old.site_id is distinct from new.site_id)
    execute function ilium_keep_referenced();
create trigger app_user_kept before delete on app_user
    for each row execute function ilium_keep_referenced();
create trigger app_user_key_kept before update on app_user
    for each row when (old.id is distinct from new.id) execute function ilium_keep_referenced();
