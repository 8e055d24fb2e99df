import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInShanghai } from '../../../../common/format.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import { buildDisputeSheet } from './disputes.export.ts';
import {
  AgencyOptions,
  DecisionBody,
  DisputeApplyBody,
  DisputeListQuery,
  DisputePage,
  DisputeReviewBody,
  DisputeView,
  DocumentParams,
  EscalateBody,
  ExecutionBody,
  IdParams,
  InterimLeadBody,
  MeetingBody,
  OpinionDraftBody,
  ServeBody,
  ViewAnswerBody,
} from './disputes.schema.ts';
import {
  answerView,
  applyDispute,
  confirmExecution,
  escalateDispute,
  getDispute,
  listAllDisputes,
  listCountyAgencies,
  listDisputes,
  nameInterimLead,
  recordDecision,
  recordMeeting,
  reviewDispute,
} from './disputes.service.ts';
import {
  createOpinionDraft,
  locateOpinion,
  opinionDocx,
  serveOpinion,
  submitOpinion,
  updateOpinionDraft,
} from './opinions.service.ts';

const today = () => todayInShanghai(new Date());

/** 职责争议 (协调监督办法第七条): application to execution. */
export function disputesRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['行政执法协调'];
    const base = '/api/coordination/disputes';
    const response = { 200: DisputeView };
    app.get(
      base,
      {
        schema: {
          tags,
          summary: '职责争议列表',
          querystring: DisputeListQuery,
          response: { 200: DisputePage },
        },
      },
      async (request) => listDisputes(db, requireActor(request), request.query, today()),
    );
    app.get(
      '/api/coordination/agencies',
      {
        schema: {
          tags,
          summary: '本县行政执法部门和乡镇（可列为争议相对单位）',
          response: { 200: AgencyOptions },
        },
      },
      async (request) => listCountyAgencies(db, requireActor(request)),
    );
    app.get(
      `${base}/export.xlsx`,
      {
        schema: {
          tags,
          summary: '导出职责争议列表（与列表相同的筛选）',
          querystring: DisputeListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const items = await listAllDisputes(db, requireActor(request), request.query, today());
        return sendFile(reply, {
          fileName: '职责争议协调.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildDisputeSheet(items)),
        });
      },
    );
    app.get(
      `${base}/:id`,
      { schema: { tags, summary: '职责争议详情（含时间线）', params: IdParams, response } },
      async (request) => getDispute(db, requireActor(request), request.params.id, today()),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary: '提交职责争议协调书面申请（须附协商情况）',
          body: DisputeApplyBody,
          response: { 201: DisputeView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await applyDispute(db, requireActor(request), request.body, today())),
    );
    app.post(
      `${base}/:id/review`,
      {
        schema: {
          tags,
          summary: '审核申请：受理（征求各方书面意见）或退回',
          params: IdParams,
          body: DisputeReviewBody,
          response,
        },
      },
      async (request) => reviewDispute(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/views`,
      {
        schema: {
          tags,
          summary: '答复书面意见（争议相对单位法制人员）',
          params: IdParams,
          body: ViewAnswerBody,
          response,
        },
      },
      async (request) => answerView(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/meetings`,
      { schema: { tags, summary: '记录协调会议', params: IdParams, body: MeetingBody, response } },
      async (request) => recordMeeting(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/escalate`,
      {
        schema: {
          tags,
          summary: '协调不成，报县人民政府决定',
          params: IdParams,
          body: EscalateBody,
          response,
        },
      },
      async (request) => escalateDispute(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/interim-lead`,
      {
        schema: {
          tags,
          summary: '指定临时牵头单位（紧急情况）',
          params: IdParams,
          body: InterimLeadBody,
          response,
        },
      },
      async (request) => nameInterimLead(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/decisions`,
      {
        schema: {
          tags,
          summary: '登记并送达县人民政府决定（新决定替代已送达的决定）',
          params: IdParams,
          body: DecisionBody,
          response,
        },
      },
      async (request) => recordDecision(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/execution`,
      {
        schema: {
          tags,
          summary: '确认执行（当事单位法制人员）',
          params: IdParams,
          body: ExecutionBody,
          response,
        },
      },
      async (request) =>
        confirmExecution(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/opinions`,
      {
        schema: {
          tags,
          summary: '起草协调意见书（已送达的意见书由新意见书替代）',
          params: IdParams,
          body: OpinionDraftBody,
          response,
        },
      },
      async (request) =>
        createOpinionDraft(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.put(
      `${base}/:id/opinions/:documentId`,
      {
        schema: {
          tags,
          summary: '修改协调意见书草稿',
          params: DocumentParams,
          body: OpinionDraftBody,
          response,
        },
      },
      async (request) =>
        updateOpinionDraft(
          db,
          requireActor(request),
          request.params.id,
          request.params.documentId,
          request.body,
          today(),
        ),
    );
    app.post(
      `${base}/:id/opinions/:documentId/submit`,
      { schema: { tags, summary: '协调意见书送签', params: DocumentParams, response } },
      async (request) =>
        submitOpinion(db, requireActor(request), request.params.id, request.params.documentId, today()),
    );
    app.get(
      '/api/coordination/opinions/:id',
      {
        schema: {
          tags,
          summary: '协调意见书所属的争议（发文登记簿、待签发列表的链接）',
          params: IdParams,
          response: { 200: z.object({ disputeId: z.number() }) },
        },
      },
      async (request) => locateOpinion(db, requireActor(request), request.params.id),
    );
    app.post(
      `${base}/:id/opinions/:documentId/serve`,
      { schema: { tags, summary: '送达协调意见书', params: DocumentParams, body: ServeBody, response } },
      async (request) =>
        serveOpinion(
          db,
          requireActor(request),
          request.params.id,
          request.params.documentId,
          request.body,
          today(),
        ),
    );
    app.get(
      `${base}/:id/opinions/:documentId/docx`,
      { schema: { tags, summary: '协调意见书 Word（草稿无文号，用于预览）', params: DocumentParams } },
      async (request, reply) => {
        const file = await opinionDocx(
          db,
          requireActor(request),
          request.params.id,
          request.params.documentId,
          today(),
        );
        return sendFile(reply, {
          fileName: file.fileName,
          contentType: DOCX_CONTENT_TYPE,
          bytes: file.bytes,
        });
      },
    );
  };
}
