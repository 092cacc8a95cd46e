-- The two functions that triggers call with the ids a statement touched (V8's projection refresh and V11's reference
-- check) look each id up on its own instead of filtering with `= any (ids)`.
--
-- Why: the planner estimates the site filter of row-level security (a stable function) at a few rows, so it planned
-- those filters as a scan of the whole site with every row compared to every id: a batch of 1,000 synthetic patients
-- re-read all earlier ones, the cost of each write grew with the registry (at 50,000 patients half of PostgreSQL's time
-- went to these comparisons), and V11's `enable_seqscan = off` only moved the scan to another index. Lateral lookups
-- and subqueries fenced by `offset 0` cannot be turned into joins of whole tables: each id costs a few index lookups
-- whatever the size of the tables or their statistics. Same results as before (tests: SyntheticCohortIT compares the
-- projection with a fresh recomputation; the reference checks keep their errors).

create or replace function ilium_check_references(episodes uuid[], users uuid[], tab text) returns void language plpgsql as $$
begin
    if exists (select 1 from unnest(episodes) t(id)
               where not exists (select 1 from episode_of_care e where e.site_id = ilium_current_site() and e.id = t.id offset 0)) then
        raise exception 'insert or update on table "%" violates foreign key: an episode does not exist', tab
            using errcode = 'foreign_key_violation', table = tab;
    end if;
    if exists (select 1 from unnest(users) t(id)
               where not exists (select 1 from app_user u where u.id = t.id offset 0)) then
        raise exception 'insert or update on table "%" violates foreign key: a user does not exist', tab
            using errcode = 'foreign_key_violation', table = tab;
    end if;
end
$$;

create or replace function outcome_refresh(ids uuid[]) returns void language plpgsql as $$
declare
    gone uuid[];
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    gone := array(select t.id from unnest(ids) t(id)
        where exists (select 1 from outcome_episode o where o.site_id = ilium_current_site() and o.episode_id = t.id offset 0)
          and not exists (select 1 from follow_up_enrolment f where f.site_id = ilium_current_site() and f.episode_id = t.id offset 0));
    if cardinality(gone) > 0 then
        delete from outcome_episode o where o.site_id = ilium_current_site() and o.episode_id = any (gone);
    end if;
    insert into outcome_episode as o (site_id, episode_id, patient_id, surgery_date, birth_date, approach, revision_date,
            last_procedure, smoking, opioids, prior_fusion, symptom_onset, answers, last_answer, complication_codes, complication_grades, complication_serious, last_complication)
    select f.site_id, f.episode_id, f.patient_id, f.surgery_date, f.birth_date,
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
           coalesce(a.answers, ''),
           (select max(r.collected_on) from prom_response r
             where r.site_id = f.site_id and r.episode_id = f.episode_id and r.voided_at is null),
           coalesce(c.codes, '{}'), coalesce(c.grades, '{}'), coalesce(c.serious, '{}'), c.last_onset
    from (select distinct unnest(ids) as id) t
    cross join lateral (
        select f.site_id, f.episode_id, f.surgery_date, e.patient_id, p.birth_date
        from follow_up_enrolment f
        join episode_of_care e on e.site_id = f.site_id and e.id = f.episode_id
        join patient p on p.site_id = e.site_id and p.id = e.patient_id
        where f.site_id = ilium_current_site() and f.episode_id = t.id
        offset 0
    ) f
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
        select string_agg(l.timepoint_id || ' ' || l.instrument_id || ' ' || coalesce(l.score::float8::text, '') || ' '
                          || coalesce(l.answer, ''), ';') as answers
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
    on conflict (site_id, episode_id) do update set
        patient_id = excluded.patient_id, surgery_date = excluded.surgery_date, birth_date = excluded.birth_date,
        approach = excluded.approach, revision_date = excluded.revision_date, last_procedure = excluded.last_procedure,
        smoking = excluded.smoking, opioids = excluded.opioids, prior_fusion = excluded.prior_fusion,
        symptom_onset = excluded.symptom_onset, answers = excluded.answers, last_answer = excluded.last_answer,
        complication_codes = excluded.complication_codes, complication_grades = excluded.complication_grades,
        complication_serious = excluded.complication_serious, last_complication = excluded.last_complication;
end
$$;
