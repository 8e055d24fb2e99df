-- Justice-office referrals (协调监督工作办法 第十七条): a township justice office's routine
-- inspection of the township's 综合行政执法机构 or an agency's station there finds an unlawful or
-- improper act and refers it to the county justice bureau (提请县司法行政部门处理), which accepts
-- it into a matter or returns it with reasons.
create table supervision_referral (
  id integer generated always as identity primary key,
  office_org_id integer not null references org (id),
  unit_org_id integer not null references org (id),
  inspected_on date not null,
  place text not null,
  facts text not null,
  findings text not null,
  suggestion text,
  contact_phone text,
  state text not null default 'submitted' check (state in ('submitted', 'accepted', 'returned')),
  decided_by integer references user_account (id),
  decided_on date,
  return_reason text,
  matter_id integer references supervision_matter (id),
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (state <> 'accepted' or matter_id is not null),
  check (state <> 'returned' or return_reason is not null)
);

create index supervision_referral_office_idx on supervision_referral (office_org_id, created_at desc);
create index supervision_referral_state_idx on supervision_referral (state, created_at desc);
