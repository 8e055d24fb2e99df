-- An issued supervision notice is never edited (第十五条 notices are official documents): it is
-- withdrawn with a reason, or superseded by a new notice that names it. The old notice stays in
-- force until the new one is signed; then it is withdrawn in the same transaction.
alter table supervision_notice add column supersedes_id integer references supervision_notice (id);
create index supervision_notice_supersedes_idx on supervision_notice (supersedes_id) where supersedes_id is not null;
