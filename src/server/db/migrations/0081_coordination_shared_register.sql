-- Coordination numbers and signs off through the shared documents layer (issue 13,
-- docs/documents.md) instead of its own coordination_register and its own sign-off (0080). A data
-- move, in its own file: the numbers already issued go into the bureau's 'coordination' register
-- (发文登记簿) and its per-year counter continues after the last one, so the sequence stays gapless
-- and no number is issued twice; opinions waiting for sign-off wait in sign_off_request instead.

-- The issuing organisation of a county's coordination documents: its justice bureau (the first by
-- path, as findJusticeBureau picks it).
create temporary table coordination_bureau on commit drop as
select distinct on (county.id) county.id as county_org_id, bureau.id as bureau_org_id
from org county
join org bureau on bureau.kind = 'justice_bureau' and bureau.path like county.path || '%'
where county.parent_id is null
order by county.id, bureau.path;

-- A bureau that numbered opinions but has no 'coordination' register yet gets one, with the prefix
-- the old register printed (博司协).
insert into document_register (org_id, code, name, prefix)
select distinct on (cb.bureau_org_id) cb.bureau_org_id, 'coordination', '协调意见书', cr.register_code
from coordination_register cr
join coordination_bureau cb on cb.county_org_id = cr.county_org_id
where not exists (
  select 1 from document_register dr where dr.org_id = cb.bureau_org_id and dr.code = 'coordination'
)
order by cb.bureau_org_id, cr.year desc;

-- The register book: one entry per numbered opinion (signed, served or superseded), its sequence
-- and year read back from the number it printed (博司协〔2026〕3号).
insert into issued_document (register_id, org_id, year, sequence, number, title, recipient, issued_on,
  signed_by, source_domain, source_record_type, source_record_id, created_by, status)
select dr.id, cb.bureau_org_id,
  (regexp_match(doc.number, '〔(\d+)〕(\d+)号$'))[1]::int,
  (regexp_match(doc.number, '〔(\d+)〕(\d+)号$'))[2]::int,
  doc.number, doc.title,
  coalesce((select string_agg(party_org.name, '、' order by party.role = 'applicant' desc, party.id)
    from coordination_dispute_party party join org party_org on party_org.id = party.org_id
    where party.dispute_id = dispute.id), ''),
  coalesce(doc.signed_on, doc.created_at::date),
  signer.display_name, 'coordination', 'coordination_opinion', doc.id, doc.signed_by, 'issued'
from coordination_document doc
join coordination_dispute dispute on dispute.id = doc.dispute_id
join coordination_bureau cb on cb.county_org_id = dispute.county_org_id
join document_register dr on dr.org_id = cb.bureau_org_id and dr.code = 'coordination'
left join user_account signer on signer.id = doc.signed_by
where doc.kind = 'opinion' and doc.number ~ '〔\d+〕\d+号$'
on conflict (register_id, year, sequence) do nothing;

-- The counter continues after the highest number issued, whichever table knew it.
insert into document_register_year (register_id, year, next_number)
select dr.id, cr.year, cr.last_sequence + 1
from coordination_register cr
join coordination_bureau cb on cb.county_org_id = cr.county_org_id
join document_register dr on dr.org_id = cb.bureau_org_id and dr.code = 'coordination'
on conflict (register_id, year) do update
  set next_number = greatest(document_register_year.next_number, excluded.next_number);

-- Opinions sent for sign-off under the old flow wait in the leaders' 待签发 list.
insert into sign_off_request (domain, record_type, record_id, org_id, title, requested_by)
select 'coordination', 'coordination_opinion', doc.id, cb.bureau_org_id, doc.title, doc.created_by
from coordination_document doc
join coordination_dispute dispute on dispute.id = doc.dispute_id
join coordination_bureau cb on cb.county_org_id = dispute.county_org_id
where doc.kind = 'opinion' and doc.status = 'pending_sign'
on conflict do nothing;

drop table coordination_register;
