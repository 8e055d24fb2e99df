-- Idempotency-Key (issue 11, item 13): a client that retries a creating POST after a dropped
-- connection sends the same key; the first request's answer is replayed instead of a second write.
-- status_code is null while the first request runs (or when it died before answering).
create table idempotency_key (
  user_id integer not null references user_account (id) on delete cascade,
  key text not null check (key ~ '^[A-Za-z0-9_-]{8,100}$'),
  request_hash text not null,
  status_code integer,
  response_body text,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);

create index idempotency_key_created_at on idempotency_key (user_id, created_at);
