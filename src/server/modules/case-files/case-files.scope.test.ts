import { beforeAll } from 'vitest';
import {
  type County,
  expectNoCrossCounty,
  insertProbeCase,
  type Probe,
  scopeWorld,
} from '../../testing/scope-probes.ts';

const world = scopeWorld();

// Case files (issue 5): each county's probe case gets a file with one document and one attachment.
const probeFileIds = new Map<string, { caseId: number; documentId: number; attachmentId: number }>();
beforeAll(async () => {
  const { ctx } = world;
  for (const county of world.counties) {
    const { caseId } = await insertProbeCase(ctx.db, county);
    const file = await ctx.db
      .insertInto('case_file')
      .values({ case_id: caseId, archive_no: null, category: null, file_no: null, retention_period: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const document = await ctx.db
      .insertInto('file_document')
      .values({
        case_file_id: file.id,
        volume: 'main',
        sequence: 1,
        kind_code: 'P01',
        title: null,
        page_from: 1,
        page_to: 2,
        verified_by: null,
        verified_on: null,
        copy_source: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attachment = await ctx.db
      .insertInto('file_attachment')
      .values({
        document_id: document.id,
        file_name: '探针.pdf',
        content_type: 'application/pdf',
        size_bytes: 5,
        sha256: '0'.repeat(64),
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.insertInto('file_attachment_content');
    probeFileIds.set(county.name, { caseId, documentId: document.id, attachmentId: attachment.id });
  }
});
const fileOf = (county: County) => probeFileIds.get(county.name)!;

// Requirement rules: each county's admin overrides a different kind; nobody else sees it.
const OVERRIDDEN_KIND: Record<string, string> = { 博湖县: 'P06', 和静县: 'P07' };
// Kind standards (第十八条): each county's admin binds a different case kind.
const BOUND_KIND: Record<string, string> = { 博湖县: 'levy', 和静县: 'benefit' };
beforeAll(async () => {
  for (const county of world.counties) {
    const admin = await world.ctx.login(county.usernames.admin);
    const response = await world.ctx.request({
      method: 'PUT',
      url: `/api/file-requirement-rules/${OVERRIDDEN_KIND[county.name]}`,
      cookie: admin,
      payload: { requiredWhen: 'always' },
    });
    if (response.status !== 200) throw new Error(JSON.stringify(response.json));
    const bound = await world.ctx.request({
      method: 'PUT',
      url: `/api/file-kind-standards/${BOUND_KIND[county.name]}`,
      cookie: admin,
      payload: { isBinding: true },
    });
    if (bound.status !== 200) throw new Error(JSON.stringify(bound.json));
  }
});

const PROBES: Probe[] = [
  {
    name: 'list case files',
    method: 'GET',
    url: () => '/api/case-files?pageSize=200',
    list: (json, county) => json.items.some((row: { id: number }) => row.id === fileOf(county).caseId),
  },
  {
    name: 'search case files by the other county’s case number',
    method: 'GET',
    url: (county) => `/api/case-files?keyword=${encodeURIComponent(county.name)}探针&checkPasses=false`,
    list: (json) => json.items.length > 0,
  },
  {
    name: 'list case files of an org',
    method: 'GET',
    url: (county) => `/api/case-files?orgId=${county.target.orgId}`,
  },
  {
    name: 'requirement rules',
    method: 'GET',
    url: () => '/api/file-requirement-rules',
    list: (json, county) =>
      json.some(
        (rule: { kindCode: string; isOverridden: boolean }) =>
          rule.kindCode === OVERRIDDEN_KIND[county.name] && rule.isOverridden,
      ),
  },
  {
    name: 'case-kind standards',
    method: 'GET',
    url: () => '/api/file-kind-standards',
    list: (json, county) =>
      json.some(
        (kind: { caseKind: string; isBinding: boolean }) =>
          kind.caseKind === BOUND_KIND[county.name] && kind.isBinding,
      ),
  },
  { name: 'get case file', method: 'GET', url: (county) => `/api/cases/${fileOf(county).caseId}/file` },
  {
    name: 'save case file',
    method: 'PUT',
    url: (county) => `/api/cases/${fileOf(county).caseId}/file`,
    payload: () => ({ archiveNo: '越界', traits: [] }),
  },
  {
    name: 'add file document',
    method: 'POST',
    url: (county) => `/api/cases/${fileOf(county).caseId}/file/documents`,
    payload: () => ({ volume: 'main', sequence: 9, kindCode: 'P23', pageFrom: 3, pageTo: 3 }),
  },
  {
    name: 'delete file document',
    method: 'DELETE',
    url: (county) => `/api/file-documents/${fileOf(county).documentId}`,
  },
  {
    name: 'upload attachment',
    method: 'POST',
    url: (county) => `/api/file-documents/${fileOf(county).documentId}/attachments`,
    payload: () => ({ not: 'a file' }),
  },
  {
    name: 'download attachment',
    method: 'GET',
    url: (county) => `/api/file-attachments/${fileOf(county).attachmentId}`,
  },
  {
    name: 'archive case file',
    method: 'POST',
    url: (county) => `/api/cases/${fileOf(county).caseId}/file/archive`,
    payload: () => ({ overrideReason: '越界归档' }),
  },
  {
    name: 'file cover DOCX',
    method: 'GET',
    url: (county) => `/api/cases/${fileOf(county).caseId}/file/cover.docx`,
  },
];

expectNoCrossCounty(world, PROBES);
