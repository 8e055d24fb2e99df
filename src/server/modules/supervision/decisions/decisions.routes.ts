import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { SUPERVISION_TAGS } from '../matters/matters.routes.ts';
import { NoticeReportBody, NoticeReviewBody, NoticeWithdrawBody } from '../notices/notices.schema.ts';
import { IdParams } from '../supervision.schema.ts';
import {
  DecisionListQuery,
  DecisionPage,
  DecisionRecordBody,
  DecisionRequestBody,
  DecisionRequestPatch,
  DecisionView,
} from './decisions.schema.ts';
import {
  createDecisionRequest,
  getDecision,
  listDecisions,
  recordDecision,
  renderDecision,
  renderDecisionRequest,
  reportOnDecision,
  reviewDecisionReport,
  submitDecisionRequest,
  updateDecisionRequest,
  withdrawDecisionRequest,
} from './decisions.service.ts';

export function decisionsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = SUPERVISION_TAGS;
    const ok = { response: { 200: DecisionView } };
    app.get(
      '/api/supervision/decisions',
      {
        schema: {
          tags,
          summary: '行政执法监督决定（报请与决定；被监督单位只见已决定的）',
          querystring: DecisionListQuery,
          response: { 200: DecisionPage },
        },
      },
      async (request) => listDecisions(db, requireActor(request), request.query),
    );
    app.get(
      '/api/supervision/decisions/:id',
      { schema: { tags, summary: '监督决定详情', params: IdParams, ...ok } },
      async (request) => getDecision(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/supervision/decisions/:id/request.docx',
      { schema: { tags, summary: '打印提请作出监督决定的请示（DOCX）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await renderDecisionRequest(db, requireActor(request), request.params.id)),
    );
    app.get(
      '/api/supervision/decisions/:id/document.docx',
      { schema: { tags, summary: '打印行政执法监督决定书（DOCX）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await renderDecision(db, requireActor(request), request.params.id)),
    );
    app.post(
      '/api/supervision/notices/:id/decisions',
      {
        schema: {
          tags,
          summary: '逾期不改正或拒不改正：起草报请县人民政府作出监督决定（第十五条）',
          params: IdParams,
          body: DecisionRequestBody,
          response: { 201: DecisionView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createDecisionRequest(db, requireActor(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/supervision/decisions/:id',
      { schema: { tags, summary: '修改报请草稿', params: IdParams, body: DecisionRequestPatch, ...ok } },
      async (request) => updateDecisionRequest(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/decisions/:id/submit',
      { schema: { tags, summary: '报请提交领导签发', params: IdParams, ...ok } },
      async (request) => submitDecisionRequest(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/supervision/decisions/:id/record',
      {
        schema: {
          tags,
          summary: '登记县人民政府的行政执法监督决定（政府文号、日期、送达）',
          params: IdParams,
          body: DecisionRecordBody,
          ...ok,
        },
      },
      async (request) => recordDecision(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/decisions/:id/report',
      {
        schema: {
          tags,
          summary: '被监督单位书面报告决定落实情况（收到决定书之日起 30 日内）',
          params: IdParams,
          body: NoticeReportBody,
          ...ok,
        },
      },
      async (request) => reportOnDecision(db, requireActor(request), request.params.id, request.body.content),
    );
    app.post(
      '/api/supervision/decisions/:id/review',
      {
        schema: { tags, summary: '审核决定落实情况报告', params: IdParams, body: NoticeReviewBody, ...ok },
      },
      async (request) => reviewDecisionReport(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/decisions/:id/withdraw',
      {
        schema: {
          tags,
          summary: '撤回尚未决定的报请（说明理由）',
          params: IdParams,
          body: NoticeWithdrawBody,
          ...ok,
        },
      },
      async (request) =>
        withdrawDecisionRequest(db, requireActor(request), request.params.id, request.body.reason),
    );
  };
}
