-- 签发 (issue 13, docs/documents.md): a domain's record waiting for a leader's sign-off. Signing
-- calls the owning domain's handler in the same transaction (it numbers and issues the record).
create table sign_off_request (
  id integer generated always as identity primary key,
  domain text not null,
  record_type text not null,
  record_id integer not null,
  org_id integer not null references org (id),
  title text not null,
  -- null: any leader whose scope covers org_id may sign
  signer_account_id integer references user_account (id),
  requested_by integer references user_account (id),
  requested_at timestamptz not null default now(),
  status text not null default 'pending'
    check (status in ('pending', 'signed', 'returned', 'cancelled')),
  decided_by integer references user_account (id),
  decided_by_name text,
  decided_at timestamptz,
  comment text
);

-- at most one request of a record waits at a time
create unique index sign_off_request_pending_idx
  on sign_off_request (domain, record_type, record_id) where status = 'pending';
create index sign_off_request_org_idx on sign_off_request (org_id, status);
