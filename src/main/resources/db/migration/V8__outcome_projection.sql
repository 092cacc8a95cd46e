-- Read-side projection for the outcome report (org.ilium.outcomes, docs/architecture.md "Outcomes"): one row per
-- operated (follow-up enrolled) episode with everything the report needs, so the report reads one narrow table
-- instead of 1.5 million questionnaire rows and JSON work-up payloads (reading those took 12 s per 100,000 patients;
-- row-level security's per-row check and JSON parsing dominated).
--
-- Kept by statement-level triggers in the same transaction as every write of the source tables, so it is never
-- stale: a new answer, a void, a correction of a work-up record, a revision or a complication recomputes the rows of
-- the episodes the statement touched (outcome_refresh), whatever module or bulk path wrote them. Recomputing
-- from the sources, rather than applying deltas, keeps voids and corrections right by construction.
--
-- Site isolation as in V1: site_id leads the key, row-level security forced; the triggers run as the writer, so
-- they see and write only the writer's site.

create table outcome_episode (
    site_id             uuid not null default ilium_current_site(),
    episode_id          uuid not null,
    patient_id          uuid not null,
    surgery_date        date not null,
    birth_date          date,
    -- approach code of the first non-revision procedure
    approach            text,
    -- first revision procedure, latest procedure of any kind
    revision_date       date,
    last_procedure      date,
    -- latest record on or before the surgery date: smoking status code, chronic opioid use, prior lumbar fusion,
    -- symptom onset
    smoking             text,
    opioids             boolean,
    prior_fusion        boolean,
    symptom_onset       date,
    -- the latest valid (not voided) response per timepoint and instrument: parallel arrays, score and answer code
    answer_timepoints   text[] not null,
    answer_instruments  text[] not null,
    answer_scores       float8[] not null,
    answer_codes        text[] not null,
    -- latest valid response of any timepoint (or none)
    last_answer         date,
    -- each complication as code, grade and serious, in parallel arrays
    complication_codes    text[] not null,
    complication_grades   text[] not null,
    complication_serious  boolean[] not null,
    last_complication     date,
    primary key (site_id, episode_id)
);

alter table outcome_episode enable row level security;
alter table outcome_episode force row level security;
create policy site_isolation on outcome_episode
    using (site_id = ilium_current_site()) with check (site_id = ilium_current_site());

-- Recomputes the rows of these episodes from the sources (of the current site); removes rows of episodes no longer
-- enrolled.
create function outcome_refresh(ids uuid[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    delete from outcome_episode o where o.episode_id = any (ids)
        and not exists (select 1 from follow_up_enrolment f where f.site_id = o.site_id and f.episode_id = o.episode_id);
    insert into outcome_episode as o (site_id, episode_id, patient_id, surgery_date, birth_date, approach, revision_date,
            last_procedure, smoking, opioids, prior_fusion, symptom_onset, answer_timepoints, answer_instruments, answer_scores,
            answer_codes, last_answer, complication_codes, complication_grades, complication_serious, last_complication)
    select f.site_id, f.episode_id, e.patient_id, f.surgery_date, p.birth_date,
           (select sp.payload ->> 'approach' from surgical_procedure sp
             where sp.site_id = f.site_id and sp.episode_id = f.episode_id and not sp.revision
             order by sp.performed_on, sp.seq limit 1),
           (select min(sp.performed_on) from surgical_procedure sp
             where sp.site_id = f.site_id and sp.episode_id = f.episode_id and sp.revision),
           (select max(sp.performed_on) from surgical_procedure sp where sp.site_id = f.site_id and sp.episode_id = f.episode_id),
           rf.smoking, rf.opioids, rf.prior_fusion,
           (select (w.payload ->> 'onset')::date from workup_record w
             where w.site_id = f.site_id and w.episode_id = f.episode_id and w.kind = 'symptom-history'
               and w.recorded_on <= f.surgery_date and w.payload ->> 'onset' is not null
             order by w.recorded_on desc, w.seq desc limit 1),
           coalesce(a.timepoints, '{}'), coalesce(a.instruments, '{}'), coalesce(a.scores, '{}'), coalesce(a.codes, '{}'),
           (select max(r.collected_on) from prom_response r
             where r.site_id = f.site_id and r.episode_id = f.episode_id and r.voided_at is null),
           coalesce(c.codes, '{}'), coalesce(c.grades, '{}'), coalesce(c.serious, '{}'), c.last_onset
    from follow_up_enrolment f
    join episode_of_care e on e.site_id = f.site_id and e.id = f.episode_id
    join patient p on p.site_id = e.site_id and p.id = e.patient_id
    left join lateral (
        select (array_agg(x.payload ->> 'status' order by x.recorded_on desc, x.seq desc)
                    filter (where x.payload ->> 'type' = 'smoking_status' and x.payload ->> 'status' is not null))[1] as smoking,
               (array_agg((x.payload ->> 'present')::boolean order by x.recorded_on desc, x.seq desc)
                    filter (where x.payload ->> 'type' = 'chronic_opioid_use' and x.payload ->> 'present' is not null))[1] as opioids,
               (array_agg((x.payload ->> 'present')::boolean order by x.recorded_on desc, x.seq desc)
                    filter (where x.payload ->> 'type' = 'prior_lumbar_fusion' and x.payload ->> 'present' is not null))[1] as prior_fusion
        from workup_record x
        where x.site_id = f.site_id and x.episode_id = f.episode_id and x.kind = 'risk-factors' and x.recorded_on <= f.surgery_date
    ) rf on true
    left join lateral (
        select array_agg(l.timepoint_id) as timepoints, array_agg(l.instrument_id) as instruments,
               array_agg(l.score::float8) as scores, array_agg(l.answer) as codes
        from (select distinct on (r.timepoint_id, r.instrument_id) r.timepoint_id, r.instrument_id, r.score, r.answer
              from prom_response r
              where r.site_id = f.site_id and r.episode_id = f.episode_id and r.voided_at is null and r.timepoint_id is not null
              order by r.timepoint_id, r.instrument_id, r.collected_on desc, r.seq desc) l
    ) a on true
    left join lateral (
        select array_agg(ce.code order by ce.onset_date, ce.seq) as codes,
               array_agg(coalesce(ce.payload ->> 'grade', '') order by ce.onset_date, ce.seq) as grades,
               array_agg(coalesce((ce.payload ->> 'serious')::boolean, false) order by ce.onset_date, ce.seq) as serious,
               max(ce.onset_date) as last_onset
        from complication_event ce where ce.site_id = f.site_id and ce.episode_id = f.episode_id
    ) c on true
    where f.episode_id = any (ids)
    on conflict (site_id, episode_id) do update set
        patient_id = excluded.patient_id, surgery_date = excluded.surgery_date, birth_date = excluded.birth_date,
        approach = excluded.approach, revision_date = excluded.revision_date, last_procedure = excluded.last_procedure,
        smoking = excluded.smoking, opioids = excluded.opioids, prior_fusion = excluded.prior_fusion,
        symptom_onset = excluded.symptom_onset, answer_timepoints = excluded.answer_timepoints,
        answer_instruments = excluded.answer_instruments, answer_scores = excluded.answer_scores,
        answer_codes = excluded.answer_codes, last_answer = excluded.last_answer,
        complication_codes = excluded.complication_codes, complication_grades = excluded.complication_grades,
        complication_serious = excluded.complication_serious, last_complication = excluded.last_complication;
end
$$;

-- One trigger function per source: the episodes of the statement's new (or old) rows.
create function outcome_refresh_new() returns trigger language plpgsql as $$
begin
    perform outcome_refresh(array(select distinct episode_id from new_rows));
    return null;
end
$$;

create function outcome_refresh_old() returns trigger language plpgsql as $$
begin
    perform outcome_refresh(array(select distinct episode_id from old_rows));
    return null;
end
$$;

create function outcome_refresh_patient() returns trigger language plpgsql as $$
begin
    perform outcome_refresh(array(select e.id from episode_of_care e join new_rows n on n.site_id = e.site_id and n.id = e.patient_id));
    return null;
end
$$;

create trigger outcome_enrolment_insert after insert on follow_up_enrolment
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_enrolment_update after update on follow_up_enrolment
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_enrolment_delete after delete on follow_up_enrolment
    referencing old table as old_rows for each statement execute function outcome_refresh_old();

create trigger outcome_response_insert after insert on prom_response
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_response_update after update on prom_response
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_response_delete after delete on prom_response
    referencing old table as old_rows for each statement execute function outcome_refresh_old();

create trigger outcome_procedure_insert after insert on surgical_procedure
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_procedure_update after update on surgical_procedure
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_procedure_delete after delete on surgical_procedure
    referencing old table as old_rows for each statement execute function outcome_refresh_old();

create trigger outcome_complication_insert after insert on complication_event
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_complication_update after update on complication_event
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_complication_delete after delete on complication_event
    referencing old table as old_rows for each statement execute function outcome_refresh_old();

create trigger outcome_workup_insert after insert on workup_record
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_workup_update after update on workup_record
    referencing new table as new_rows for each statement execute function outcome_refresh_new();
create trigger outcome_workup_delete after delete on workup_record
    referencing old table as old_rows for each statement execute function outcome_refresh_old();

create trigger outcome_patient_update after update on patient
    referencing new table as new_rows for each statement execute function outcome_refresh_patient();

-- Existing data, site by site (row-level security shows one site at a time).
do $$
declare
    s record;
begin
    for s in select id from site loop
        perform set_config('ilium.site_id', s.id::text, true);
        perform outcome_refresh(array(select episode_id from follow_up_enrolment));
    end loop;
    perform set_config('ilium.site_id', '', true);
end
$$;
