-- 评查办法第四条: files that went to 行政复议 or 行政诉讼 are left out of case-file reviews unless a
-- campaign says otherwise, so a case carries that mark (with the outcome once known). Set by the
-- case unit's legal-affairs unit; who and when are kept beside it.
alter table enforcement_case add column litigation_kind text
  check (litigation_kind in ('reconsideration', 'litigation'));
alter table enforcement_case add column litigation_outcome text
  check (litigation_outcome in ('pending', 'upheld', 'revoked', 'changed', 'confirmed_illegal', 'dismissed', 'withdrawn', 'other'));
alter table enforcement_case add column litigation_note text;
alter table enforcement_case add column litigation_by_id integer references user_account (id);
alter table enforcement_case add column litigation_by_name text;
alter table enforcement_case add column litigation_at timestamptz;
alter table enforcement_case add constraint enforcement_case_litigation_outcome_needs_kind
  check (litigation_outcome is null or litigation_kind is not null);
