import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../common/format.ts';
import { createForeignCounty, demoOrgByName, type ForeignCounty } from '../../testing/fixtures.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { addOfficer, caseBody } from '../cases/cases-fixtures.ts';

/** Requirement rules belong to a county: defaults until its admin changes them, and only there. */
let ctx: TestContext;
let foreign: ForeignCounty;
let demoAdmin: string;
let demoLegal: string;
let foreignAdmin: string;
let foreignLegal: string;
let demoCaseId: number;
let foreignCaseId: number;
let inspectionCaseId: number;
let foreignInspectionCaseId: number;
const today = todayInShanghai(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  foreign = await createForeignCounty(ctx.db);
  demoAdmin = await ctx.login('admin');
  demoLegal = await ctx.login('legal');
  foreignAdmin = await ctx.login(foreign.usernames.admin);
  foreignLegal = await ctx.login(foreign.usernames.legal_officer);
  const teamId = (await demoOrgByName(ctx.db, '市场监管综合行政执法大队')).id;
  const handlers = [
    await addOfficer(ctx.db, teamId, '规则甲', { today }),
    await addOfficer(ctx.db, teamId, '规则乙', { today }),
  ];
  const foreignHandlers = [
    await addOfficer(ctx.db, foreign.section.id, '和静甲', { today }),
    await addOfficer(ctx.db, foreign.section.id, '和静乙', { today }),
  ];
  const cover = { archiveNo: 'WS·2025-D30-0010', fileNo: '2025-罚-010', retentionPeriod: '长期', traits: [] };
  for (const [cookie, orgId, officerIds] of [
    [demoLegal, teamId, handlers],
    [foreignLegal, foreign.section.id, foreignHandlers],
  ] as const) {
    const created = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie,
      payload: caseBody(orgId, [...officerIds], { closedOn: '2025-04-10' }),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const file = await ctx.request({
      method: 'PUT',
      url: `/api/cases/${created.json.id}/file`,
      cookie,
      payload: cover,
    });
    expect(file.status, JSON.stringify(file.json)).toBe(200);
    if (cookie === demoLegal) demoCaseId = created.json.id;
    else foreignCaseId = created.json.id;
    // an inspection (第十八条 kind) with a file of the same cover and no documents
    const inspection = await ctx.request({
      method: 'POST',
      url: '/api/cases',
      cookie,
      payload: caseBody(orgId, [...officerIds], { kind: 'inspection', closedOn: '2025-04-10' }),
    });
    expect(inspection.status, JSON.stringify(inspection.json)).toBe(201);
    await ctx.request({
      method: 'PUT',
      url: `/api/cases/${inspection.json.id}/file`,
      cookie,
      payload: cover,
    });
    if (cookie === demoLegal) inspectionCaseId = inspection.json.id;
    else foreignInspectionCaseId = inspection.json.id;
  }
});
afterAll(() => ctx.close());

const ruleOf = async (cookie: string, code: string) =>
  (await ctx.request({ method: 'GET', url: '/api/file-requirement-rules', cookie })).json.find(
    (rule: { kindCode: string }) => rule.kindCode === code,
  );
const missingKinds = async (cookie: string, caseId: number) =>
  (await ctx.request({ method: 'GET', url: `/api/cases/${caseId}/file`, cookie })).json.check.findings
    .filter((finding: { code: string }) => finding.code === 'missing_required')
    .map((finding: { kindCode: string }) => finding.kindCode);

describe('requirement rules per county', () => {
  it('a county’s admin changes a rule for that county only', async () => {
    expect(await missingKinds(foreignLegal, foreignCaseId)).not.toContain('P04');
    const changed = await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P04',
      cookie: foreignAdmin,
      payload: { requiredWhen: 'always' },
    });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({
      requiredWhen: 'always',
      defaultRequiredWhen: 'optional',
      isOverridden: true,
    });
    expect(await ruleOf(foreignLegal, 'P04')).toMatchObject({
      requiredWhenLabel: '必备',
      isOverridden: true,
    });
    expect(await ruleOf(demoLegal, 'P04')).toMatchObject({ requiredWhen: 'optional', isOverridden: false });
    expect(await missingKinds(foreignLegal, foreignCaseId)).toContain('P04');
    expect(await missingKinds(demoLegal, demoCaseId)).not.toContain('P04');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['org_id', 'before', 'after'])
      .where('action', '=', 'file_rule.update')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ org_id: foreign.root.id })]);
  });

  it('the county’s stored file checks follow its rule change; the other county’s stay', async () => {
    const stored = () =>
      ctx.db
        .selectFrom('case_file')
        .select(['case_id', 'check_passes'])
        .where('case_id', 'in', [demoCaseId, foreignCaseId])
        .execute();
    await ctx.request({ method: 'GET', url: `/api/cases/${demoCaseId}/file`, cookie: demoLegal });
    const demoBefore = (await stored()).find((row) => row.case_id === demoCaseId)!.check_passes;
    expect(demoBefore).not.toBeNull();
    await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P05',
      cookie: foreignAdmin,
      payload: { requiredWhen: 'always' },
    });
    const after = await stored();
    expect(after.find((row) => row.case_id === foreignCaseId)!.check_passes).toBeNull();
    expect(after.find((row) => row.case_id === demoCaseId)!.check_passes).toBe(demoBefore);
  });

  it('set back to the default, the county follows the default again', async () => {
    const reset = await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P04',
      cookie: foreignAdmin,
      payload: { requiredWhen: 'optional' },
    });
    expect(reset.json).toMatchObject({ requiredWhen: 'optional', isOverridden: false });
    const rows = await ctx.db
      .selectFrom('file_requirement_rule')
      .select('org_id')
      .where('kind_code', '=', 'P04')
      .execute();
    expect(rows).toEqual([{ org_id: null }]);
  });

  it('rules are conditions over traits; the defaults of 受理通知书 and 决定书 are "unless 不予受理" (issue 18 point 1)', async () => {
    expect(await ruleOf(demoLegal, 'L06')).toMatchObject({
      requiredWhen: { none: ['not_accepted'] },
      requiredWhenLabel: '没有“不予受理”时必备',
    });
    expect(await ruleOf(demoLegal, 'L01')).toMatchObject({ requiredWhen: { none: ['not_accepted'] } });
    const changed = await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P04',
      cookie: foreignAdmin,
      payload: { requiredWhen: { any: ['sampling', 'preservation'], none: ['transfer'] } },
    });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect(changed.json).toMatchObject({
      requiredWhen: { any: ['preservation', 'sampling'], none: ['transfer'] },
      requiredWhenLabel: '有“先行登记保存”或“抽样取证”之一，且没有“案件移送”时必备',
      isOverridden: true,
    });
    const bad = await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P04',
      cookie: foreignAdmin,
      payload: { requiredWhen: { any: ['sometimes'] } },
    });
    expect(bad.status).toBe(400);
    const empty = await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P04',
      cookie: foreignAdmin,
      payload: { requiredWhen: { any: [] } },
    });
    expect(empty.status).toBe(400);
    await ctx.request({
      method: 'PUT',
      url: '/api/file-requirement-rules/P04',
      cookie: foreignAdmin,
      payload: { requiredWhen: 'optional' },
    });
  });

  it('only admins change rules; an unknown kind is 404, a bad value 400', async () => {
    const put = (cookie: string, code: string, requiredWhen: string) =>
      ctx.request({
        method: 'PUT',
        url: `/api/file-requirement-rules/${code}`,
        cookie,
        payload: { requiredWhen },
      });
    expect((await put(demoLegal, 'P04', 'always')).status).toBe(403);
    expect((await put(demoAdmin, 'P99', 'always')).status).toBe(404);
    expect((await put(demoAdmin, 'P04', 'sometimes')).status).toBe(400);
  });
});

describe('the standard per case kind (第九条, 第十八条; issue 18 point 2)', () => {
  const checkOf = async (cookie: string, caseId: number) =>
    (await ctx.request({ method: 'GET', url: `/api/cases/${caseId}/file`, cookie })).json.check;

  it('an inspection file only 参照 the catalogue: missing documents are suggestions and the check passes', async () => {
    const check = await checkOf(demoLegal, inspectionCaseId);
    const missing = check.findings.filter((finding: { code: string }) => finding.code === 'missing_required');
    expect(missing.map((finding: { kindCode: string }) => finding.kindCode)).toContain('P01');
    expect(missing.every((finding: { isAdvisory?: boolean }) => finding.isAdvisory)).toBe(true);
    expect(check.passes, JSON.stringify(check.findings)).toBe(true);
    // a penalty file lacking the same documents fails
    expect((await checkOf(demoLegal, demoCaseId)).passes).toBe(false);
    const kinds = await ctx.request({ method: 'GET', url: '/api/file-kind-standards', cookie: demoLegal });
    expect(kinds.json.find((entry: { caseKind: string }) => entry.caseKind === 'coercion')).toMatchObject({
      isBinding: true,
      catalogue: 'penalty',
      clause: '案卷制作规范第九条',
    });
    expect(kinds.json.find((entry: { caseKind: string }) => entry.caseKind === 'inspection')).toMatchObject({
      isBinding: false,
      clause: '案卷制作规范第十八条',
    });
  });

  it('a county admin makes the standard binding for a kind in that county only; others may not', async () => {
    const put = (cookie: string, isBinding: boolean) =>
      ctx.request({
        method: 'PUT',
        url: '/api/file-kind-standards/inspection',
        cookie,
        payload: { isBinding },
      });
    expect((await put(demoLegal, true)).status).toBe(403);
    const bound = await put(demoAdmin, true);
    expect(bound.status, JSON.stringify(bound.json)).toBe(200);
    expect(bound.json).toMatchObject({ caseKind: 'inspection', isBinding: true, defaultIsBinding: false });
    expect((await checkOf(demoLegal, inspectionCaseId)).passes).toBe(false);
    expect((await checkOf(foreignLegal, foreignInspectionCaseId)).passes).toBe(true);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['org_id', 'after'])
      .where('action', '=', 'file_rule.kind_standard')
      .execute();
    expect(audit).toHaveLength(1);
    await put(demoAdmin, false);
    expect(await ctx.db.selectFrom('file_kind_standard').selectAll().execute()).toEqual([]);
    expect((await checkOf(demoLegal, inspectionCaseId)).passes).toBe(true);
  });
});
