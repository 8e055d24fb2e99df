-- Computed results: one row per subject with the engine's SubjectResult as JSON (explanation
-- included), so a published result is shown exactly as it was computed.
create table assessment_result (
  period_id integer not null references assessment_period (id) on delete cascade,
  subject_key text not null,
  total text not null,
  grade text,
  rank integer not null,
  result jsonb not null,
  primary key (period_id, subject_key)
);
