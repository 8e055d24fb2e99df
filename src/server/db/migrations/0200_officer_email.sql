-- An officer corrects their own contact details from their profile (issue 19): the phone was the
-- only contact field; the e-mail address joins it. Both are the only fields an officer may edit.
alter table officer add column email text;
