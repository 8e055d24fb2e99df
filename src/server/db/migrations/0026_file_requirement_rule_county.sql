-- Requirement rules per county: the rows 0023 seeded stay as the installation's defaults (org_id
-- null); a county's admin overrides a kind for that county with a row carrying the county's root
-- org. A county without an override of a kind follows the default, so a county added later starts
-- from the defaults and no existing county changes until its admin edits.
alter table file_requirement_rule drop constraint file_requirement_rule_pkey;
alter table file_requirement_rule add column id integer generated always as identity primary key;
alter table file_requirement_rule add column org_id integer references org (id);

create unique index file_requirement_rule_default_unique on file_requirement_rule (kind_code) where org_id is null;
create unique index file_requirement_rule_county_unique on file_requirement_rule (org_id, kind_code) where org_id is not null;
