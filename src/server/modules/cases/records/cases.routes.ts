import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { renderFormDocx } from '../../../lib/form.docx.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { recordExport } from '../../audit/audit.service.ts';
import {
  acceptBinaryBodies,
  DOCX_CONTENT_TYPE,
  UPLOAD_BODY_LIMIT,
  XLSX_CONTENT_TYPE,
} from '../../officers/binary-body.ts';
import { CaseReviewResultView } from '../../reviews/reviews.public.ts';
import { buildCaseSheet } from '../io/cases-export.ts';
import { buildCaseTemplate, importCases } from '../io/cases-import.ts';
import { buildCaseRecord } from './case-record.docx.ts';
import { createCase, setQualityAnalysis, signCase, submitRecord, updateCase } from './case-writes.service.ts';
import {
  CaseCreateBody,
  CaseListQuery,
  CasePage,
  CaseUpdateBody,
  CaseView,
  DueReport,
  IdParams,
  PartyParams,
  PartyView,
  QualityBody,
  SignBody,
  SubmitRecordBody,
} from './cases.schema.ts';
import {
  getCase,
  getCaseReview,
  getDueReport,
  getPartyFull,
  listAllCases,
  listCases,
} from './cases.service.ts';

export function casesRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptBinaryBodies(app);
    const tags = ['执法案件'];
    app.get(
      '/api/cases/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出案件列表（与列表相同的筛选）',
          querystring: CaseListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const items = await listAllCases(db, actor, request.query);
        await recordExport(db, actor, { entityType: 'case', rows: items.length, filter: request.query });
        return sendFile(reply, {
          fileName: '执法案件.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildCaseSheet(items)),
        });
      },
    );
    app.get(
      '/api/cases/import-template.xlsx',
      { schema: { tags, summary: '案件导入模板' } },
      async (request, reply) => {
        requireActor(request);
        return sendFile(reply, {
          fileName: '执法案件导入模板.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildCaseTemplate()),
        });
      },
    );
    app.post(
      '/api/cases/import',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: '导入案件（请求体为 XLSX 文件；全部行无误才写入，否则逐行报告错误）',
          consumes: [XLSX_CONTENT_TYPE, 'application/octet-stream'],
          response: { 200: z.object({ cases: z.number() }) },
        },
      },
      async (request) =>
        importCases(
          db,
          requireActor(request),
          Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        ),
    );
    app.get(
      '/api/cases/:id/record.docx',
      { schema: { tags, summary: '案件记录表（Word，按 seed 000 表式）', params: IdParams } },
      async (request, reply) => {
        const view = await getCase(db, requireActor(request), request.params.id);
        return sendFile(reply, {
          fileName: `案件记录表-${view.caseNo}.docx`,
          contentType: DOCX_CONTENT_TYPE,
          bytes: await renderFormDocx(buildCaseRecord(view)),
        });
      },
    );
    app.get(
      '/api/cases',
      {
        schema: {
          tags,
          summary: '案件列表（分页、关键词、单位、类别、立案日期、记录表状态）',
          querystring: CaseListQuery,
          response: { 200: CasePage },
        },
      },
      async (request) => listCases(db, requireActor(request), request.query),
    );
    app.get(
      '/api/cases/records-due',
      {
        schema: {
          tags,
          summary: '案件记录表临期、逾期统计（按执法人员、按单位）',
          response: { 200: DueReport },
        },
      },
      async (request) => getDueReport(db, requireActor(request)),
    );
    app.post(
      '/api/cases',
      {
        schema: { tags, summary: '登记案件及案件记录表', body: CaseCreateBody, response: { 201: CaseView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createCase(db, requireActor(request), request.body)),
    );
    app.get(
      '/api/cases/:id',
      {
        schema: {
          tags,
          summary: '案件详情（当事人证件号、电话已脱敏）',
          params: IdParams,
          response: { 200: CaseView },
        },
      },
      async (request) => getCase(db, requireActor(request), request.params.id),
    );
    app.patch(
      '/api/cases/:id',
      {
        schema: {
          tags,
          summary: '修改案件',
          params: IdParams,
          body: CaseUpdateBody,
          response: { 200: CaseView },
        },
      },
      async (request) => updateCase(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/sign',
      {
        schema: {
          tags,
          summary: '办案意见或办案结果签字',
          params: IdParams,
          body: SignBody,
          response: { 200: CaseView },
        },
      },
      async (request) => signCase(db, requireActor(request), request.params.id, request.body.part),
    );
    app.put(
      '/api/cases/:id/quality',
      {
        schema: {
          tags,
          summary: '法制部门案件质量分析意见',
          params: IdParams,
          body: QualityBody,
          response: { 200: CaseView },
        },
      },
      async (request) => setQualityAnalysis(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/cases/:id/review-result',
      {
        schema: {
          tags,
          summary: '案卷评查结果（最近一次已公布的评查，供质量分析填写）',
          params: IdParams,
          response: { 200: CaseReviewResultView },
        },
      },
      async (request) => getCaseReview(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/cases/:id/submit-record',
      {
        schema: {
          tags,
          summary: '报送案件记录表（逾期报送须说明原因）',
          params: IdParams,
          body: SubmitRecordBody,
          response: { 200: CaseView },
        },
      },
      async (request) => submitRecord(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/cases/:id/parties/:partyId/full',
      {
        schema: {
          tags,
          summary: '查看当事人完整证件号码和电话（记入审计日志）',
          params: PartyParams,
          response: { 200: PartyView },
        },
      },
      async (request) => getPartyFull(db, requireActor(request), request.params.id, request.params.partyId),
    );
  };
}
