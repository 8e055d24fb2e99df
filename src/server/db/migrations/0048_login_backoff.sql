-- Lockout with backoff: how many times in a row the account has been locked, so each lock lasts
-- longer (1, 2, 4, 8, then 15 minutes) instead of a fixed 15-minute door anyone can shut.
alter table user_account add column lockouts integer not null default 0;
