-- Enforcement coordination (协调监督工作办法第七条、第二十三条): jurisdiction disputes (职责争议),
-- their parties and written views, coordination meetings, the documents they produce (协调意见书,
-- the county government's decision), and the 第二十三条 marks for a 通报批评 and a deduction.

-- The county's editable time limits; a county without a row uses the defaults in
-- src/common/coordination.ts. county_org_id is the county's root (government) organisation.
create table coordination_setting (
  county_org_id integer primary key references org (id),
  review_days integer not null check (review_days between 1 and 30),
  view_days integer not null check (view_days between 1 and 30),
  conclude_days integer not null check (conclude_days between 5 and 120),
  execution_days integer not null check (execution_days between 1 and 60),
  warn_days integer not null check (warn_days between 0 and 10),
  updated_by integer references user_account (id),
  updated_at timestamptz not null default now()
);

create table coordination_dispute (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  applicant_org_id integer not null references org (id),
  filed_by integer not null references user_account (id),
  filed_on date not null,
  matter text not null check (length(trim(matter)) > 0),
  -- 第七条: negotiate first; an application without its negotiation record is refused
  negotiation_record text not null check (length(trim(negotiation_record)) > 0),
  status text not null check (status in ('submitted', 'returned', 'consulting', 'signing', 'served',
    'escalated', 'decided', 'executed')),
  -- the limits in force when it was filed (working days)
  review_days integer not null,
  view_days integer not null,
  conclude_days integer not null,
  execution_days integer not null,
  review_due_on date not null,
  reviewed_on date,
  reviewed_by integer references user_account (id),
  return_reason text,
  conclude_due_on date,
  escalated_on date,
  escalation_reason text,
  -- 临时牵头: in an emergency the bureau names a lead agency until the government decides
  interim_lead_org_id integer references org (id),
  interim_lead_reason text,
  interim_lead_on date,
  execution_due_on date,
  executed_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index coordination_dispute_county_idx on coordination_dispute (county_org_id, filed_on desc);

-- Every agency in a dispute, the applicant included: what each holds and on what legal basis (the
-- applicant's own from the application; the other side's as the applicant states it, then its own
-- written view), and its confirmation of execution.
create table coordination_dispute_party (
  id integer generated always as identity primary key,
  dispute_id integer not null references coordination_dispute (id) on delete cascade,
  org_id integer not null references org (id),
  role text not null check (role in ('applicant', 'respondent')),
  stated_position text not null,
  stated_basis text not null,
  view_requested_on date,
  view_due_on date,
  view_position text,
  view_basis text,
  view_answered_on date,
  view_answered_by integer references user_account (id),
  execution_confirmed_on date,
  execution_confirmed_by integer references user_account (id),
  execution_note text,
  unique (dispute_id, org_id)
);

create index coordination_dispute_party_org_idx on coordination_dispute_party (org_id);

create table coordination_meeting (
  id integer generated always as identity primary key,
  dispute_id integer not null references coordination_dispute (id) on delete cascade,
  held_on date not null,
  place text not null,
  attendees text not null,
  experts text,
  minutes text not null,
  recorded_by integer not null references user_account (id),
  created_at timestamptz not null default now()
);

create index coordination_meeting_dispute_idx on coordination_meeting (dispute_id, held_on);

-- The bureau's document register: one sequence per county, register code and year, taken in the
-- transaction that numbers the document.
create table coordination_register (
  county_org_id integer not null references org (id),
  register_code text not null,
  year integer not null,
  last_sequence integer not null,
  primary key (county_org_id, register_code, year)
);

-- 协调意见书 (number from the bureau's register at sign-off) and the county government's decision
-- (its own number, recorded). A served document is never edited: a new one supersedes it.
create table coordination_document (
  id integer generated always as identity primary key,
  dispute_id integer not null references coordination_dispute (id) on delete cascade,
  kind text not null check (kind in ('opinion', 'government_decision')),
  status text not null check (status in ('draft', 'pending_sign', 'signed', 'served', 'superseded')),
  title text not null,
  body text not null,
  number text,
  decided_on date,
  supersedes_id integer references coordination_document (id),
  created_by integer not null references user_account (id),
  signed_by integer references user_account (id),
  signed_on date,
  sign_comment text,
  served_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index coordination_document_dispute_idx on coordination_document (dispute_id, id);
create unique index coordination_document_number_idx on coordination_document (number)
  where number is not null and kind = 'opinion';

-- 第二十三条(一)(二): an agency marked for a 通报批评 and a deduction in the unit assessment.
create table coordination_violation (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  org_id integer not null references org (id),
  kind text not null check (kind in ('shirked_dispute', 'not_executed')),
  dispute_id integer references coordination_dispute (id),
  facts text not null check (length(trim(facts)) > 0),
  marked_on date not null,
  marked_by integer not null references user_account (id),
  created_at timestamptz not null default now()
);

create index coordination_violation_county_idx on coordination_violation (county_org_id, marked_on);
