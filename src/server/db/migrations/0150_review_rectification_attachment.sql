-- Attachments of a rectification report (评查办法第十七条: 整改情况报告 with its material, issue 14):
-- PDF/JPEG/PNG checked by their first bytes, at most 10 MiB, SHA-256 kept. Metadata here, bytes in
-- their own table so lists never read them (as assessment_attachment, 0045).
create table review_rectification_attachment (
  id integer generated always as identity primary key,
  rectification_id integer not null references review_rectification (id) on delete cascade,
  file_name text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  created_by integer references user_account (id),
  created_at timestamptz not null default now()
);

create index review_rectification_attachment_idx on review_rectification_attachment (rectification_id, id);

create table review_rectification_attachment_content (
  attachment_id integer primary key references review_rectification_attachment (id) on delete cascade,
  bytes bytea not null
);
