-- Which scheme item a fact Fazhi holds is proposed under, per county and scheme (issue 18 point 9).
-- A fact is proposed only under an item whose seed wording describes it; the defaults are in
-- proposals.mapping.ts (DEFAULT_PROPOSAL_MAPPINGS). A county's manager may change a choice with a
-- row here: item = null means "propose nothing", and the fact is then shown on the period's board
-- for the assessor to judge. Without a row the default applies.
create table assessment_proposal_mapping (
  org_id integer not null references org (id),
  scheme_id text not null,
  source text not null,
  item text,
  updated_by integer references user_account (id),
  updated_at timestamptz not null default now(),
  primary key (org_id, scheme_id, source)
);

-- Facts of a period that no item describes: shown on the board, never scored by themselves. The
-- assessor who judges one to fall under an item records it there by hand.
create table assessment_fact (
  period_id integer not null references assessment_period (id) on delete cascade,
  fact_key text not null,
  source text not null,
  subject_key text not null,
  occurred_on date not null,
  note text not null,
  evidence_kind text not null check (evidence_kind in ('case', 'complaint', 'case_file', 'attachment', 'link')),
  evidence_id text not null,
  created_at timestamptz not null default now(),
  primary key (period_id, fact_key)
);
