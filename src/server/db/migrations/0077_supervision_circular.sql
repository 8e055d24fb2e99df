-- Circulars (通报, 协调监督工作办法 第二十二、二十三条): 通报批评 of an agency that shirked a dispute
-- (二十三(一)), did not execute a coordination decision (二十三(二)), did not correct by the
-- deadline (二十三(三)) or another case (二十三(四)); 通报表扬 of an outstanding unit or its people
-- (第二十二条). Drafted by a supervisor, signed off by a leader, numbered from 博司监 when signed;
-- linked to the notice, decision or coordination mark that caused it. Once issued, only withdrawn.
create table supervision_circular (
  id integer generated always as identity primary key,
  issuer_org_id integer not null references org (id),
  subject_org_id integer not null references org (id),
  kind text not null check (kind in ('criticism', 'commendation')),
  situation text not null check (situation in ('shirked_dispute', 'not_executed', 'not_corrected', 'other_violation', 'outstanding')),
  persons text,
  title text not null,
  facts text not null,
  requirement text,
  notice_id integer references supervision_notice (id),
  decision_id integer references supervision_decision (id),
  -- coordination's 第二十三条 mark and its dispute: no foreign key, as coordination's tables are
  -- created by later migrations (0080); the service resolves them through coordination.public.ts
  violation_id integer,
  dispute_id integer,
  state text not null default 'draft' check (state in ('draft', 'awaiting_sign_off', 'issued', 'withdrawn')),
  sign_comment text,
  number text unique,
  year integer,
  sequence integer,
  signed_by text,
  issued_on date,
  withdrawn_reason text,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'commendation') = (situation = 'outstanding')),
  check ((number is null) = (issued_on is null)),
  check (state in ('draft', 'awaiting_sign_off') or number is not null)
);

create index supervision_circular_subject_idx on supervision_circular (subject_org_id, state);
create index supervision_circular_issuer_idx on supervision_circular (issuer_org_id, year);
