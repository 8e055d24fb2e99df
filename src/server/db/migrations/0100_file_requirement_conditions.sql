-- Requirement rules may be conditions over a file's traits (issue 18 point 1): required_when
-- holds 'always', 'optional', a trait, or a condition written as JSON,
-- e.g. {"none":["not_accepted"]} = required unless the application was not accepted
-- (catalogue.ts encodeRequiredWhen). 案卷制作规范第九条(一)6–7: 受理通知书 and 不予受理通知书
-- are alternatives, and an application refused at intake has no 许可决定书 (1), so the defaults
-- of L01 and L06 become "unless 不予受理". Counties that set their own rule for them keep it.
update file_requirement_rule
set required_when = '{"none":["not_accepted"]}', updated_at = now()
where org_id is null and kind_code in ('L01', 'L06') and required_when = 'always';
