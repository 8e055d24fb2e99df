-- 最近登录 on an account's own pages showed the sign-in just made (issue 19): a sign-in now keeps the
-- one before it, which is what a user checks ("was that me?").
alter table user_account add column previous_login_at timestamptz;
