-- 发文登记 (issue 13, docs/documents.md): an organisation's document-number registers, their
-- per-year counters and the register book (发文登记簿) of what was issued.

-- One register per organisation and kind of document: 博司监 (supervision notices), 博司评 (review
-- circulars) … `code` is the stable name domains number through ('supervision', 'review' …).
create table document_register (
  id integer generated always as identity primary key,
  org_id integer not null references org (id),
  code text not null check (code ~ '^[a-z][a-z_]*$'),
  name text not null,
  -- 发文机关代字 (GB/T 9704 7.2.4): the number prints as prefix〔year〕sequence号
  prefix text not null,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, code)
);

-- The next number of a register in one year. A number is taken by an upsert on this row inside the
-- issuing transaction: the row lock serialises concurrent issues and a rollback returns the number,
-- so the sequence has no gap and no repeat.
create table document_register_year (
  register_id integer not null references document_register (id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  next_number integer not null check (next_number >= 1),
  primary key (register_id, year)
);

-- 发文登记簿: one row per issued number. A withdrawn document keeps its row and number.
create table issued_document (
  id integer generated always as identity primary key,
  register_id integer not null references document_register (id),
  org_id integer not null references org (id),
  year integer not null,
  sequence integer not null check (sequence >= 1),
  number text not null,
  title text not null,
  recipient text not null,
  issued_on date not null,
  signed_by text,
  source_domain text not null,
  source_record_type text not null,
  source_record_id integer not null,
  status text not null default 'issued' check (status in ('issued', 'withdrawn')),
  withdrawn_reason text,
  withdrawn_at timestamptz,
  created_by integer references user_account (id),
  created_at timestamptz not null default now(),
  unique (register_id, year, sequence)
);

create index issued_document_source_idx
  on issued_document (source_domain, source_record_type, source_record_id);
create index issued_document_org_idx on issued_document (org_id, issued_on desc);
