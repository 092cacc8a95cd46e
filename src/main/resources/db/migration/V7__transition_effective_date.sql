-- The clinical date of each episode move, next to the moment it was recorded (`at`): a clinic that
-- records the past (a patient operated before the registry existed) gives the real dates.
alter table episode_transition add column effective_on date;

-- Existing moves happened the day they were recorded. Row-level security would hide every row from this
-- migration (no site is set), so it is lifted for the one update, for the owner only.
alter table episode_transition no force row level security;
alter table episode_transition disable row level security;
update episode_transition set effective_on = (at at time zone 'UTC')::date;
alter table episode_transition enable row level security;
alter table episode_transition force row level security;

alter table episode_transition alter column effective_on set not null;
