-- 工作衔接 (协调监督工作办法第十条): with 人大, 监察 and 司法机关 — case transfers (案件移送: to whom,
-- why, the case, the receipt, the outcome), issue reports (问题反映) and information exchanges
-- (信息交流), as one log whose entries carry a due date (正常/临期/逾期 until done).
create table coordination_liaison (
  id integer generated always as identity primary key,
  county_org_id integer not null references org (id),
  kind text not null check (kind in ('case_transfer', 'issue_report', 'information_exchange')),
  counterpart text not null check (counterpart in ('congress', 'supervisory', 'judicial', 'other')),
  counterpart_name text not null check (length(trim(counterpart_name)) > 0),
  -- the agency sending or concerned (its legal officer sees the entry)
  org_id integer not null references org (id),
  case_id integer references enforcement_case (id),
  subject text not null check (length(trim(subject)) > 0),
  reason text not null,
  sent_on date not null,
  due_on date not null check (due_on >= sent_on),
  receipt_on date,
  receipt_by text,
  outcome text,
  outcome_on date,
  status text not null check (status in ('sent', 'received', 'done')),
  created_by integer not null references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index coordination_liaison_county_idx on coordination_liaison (county_org_id, sent_on desc);
create index coordination_liaison_org_idx on coordination_liaison (org_id);
