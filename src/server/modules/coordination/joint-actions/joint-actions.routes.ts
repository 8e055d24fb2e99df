import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInShanghai } from '../../../../common/format.ts';
import { zIsoDate } from '../../../../common/validation-zod.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import { IdParams, requiredText } from '../coordination.schema.ts';
import { buildJointSheet, JOINT_DOCUMENT_KINDS, jointDocx } from './joint-actions.print.ts';
import {
  CoordinationRequestBody,
  JointCaseBody,
  JointCloseBody,
  JointInspectionBody,
  JointListQuery,
  JointPage,
  JointPlanBody,
  JointResponseBody,
  JointView,
} from './joint-actions.schema.ts';
import {
  closeJointAction,
  createJointAction,
  getJointAction,
  issueJointProposal,
  linkJointCase,
  listAllJointActions,
  listJointActions,
  recordJointInspection,
  requestJointCoordination,
  respondToJointPlan,
  reviseJointProposal,
  startJointAction,
  updateJointPlan,
} from './joint-actions.service.ts';

const today = () => todayInShanghai(new Date());

/** 联合执法 (协调监督办法第八条): proposal, confirmations, the action and its summary. */
export function jointActionsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['行政执法协调'];
    const base = '/api/coordination/joint-actions';
    const response = { 200: JointView };
    app.get(
      base,
      {
        schema: { tags, summary: '联合执法列表', querystring: JointListQuery, response: { 200: JointPage } },
      },
      async (request) => listJointActions(db, requireActor(request), request.query),
    );
    app.get(
      `${base}/export.xlsx`,
      {
        schema: {
          tags,
          summary: '导出联合执法列表（与列表相同的筛选）',
          querystring: JointListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) =>
        sendFile(reply, {
          fileName: '联合执法.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(
            buildJointSheet(await listAllJointActions(db, requireActor(request), request.query)),
          ),
        }),
    );
    app.get(
      `${base}/:id`,
      { schema: { tags, summary: '联合执法详情', params: IdParams, response } },
      async (request) => getJointAction(db, requireActor(request), request.params.id),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary: '司法局提出联合执法建议（草稿），或执法部门之间发起联合执法',
          body: JointPlanBody,
          response: { 201: JointView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createJointAction(db, requireActor(request), request.body, today())),
    );
    app.put(
      `${base}/:id`,
      { schema: { tags, summary: '修改联合执法方案', params: IdParams, body: JointPlanBody, response } },
      async (request) => updateJointPlan(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/issue`,
      { schema: { tags, summary: '印发联合执法建议书（编号）', params: IdParams, response } },
      async (request) => issueJointProposal(db, requireActor(request), request.params.id, today()),
    );
    app.post(
      `${base}/:id/revise`,
      {
        schema: {
          tags,
          summary: '撤回已印发的建议书并修改方案（文号保留）',
          params: IdParams,
          body: z.object({ reason: requiredText('修改理由', 1000) }),
          response,
        },
      },
      async (request) => reviseJointProposal(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      `${base}/:id/responses`,
      {
        schema: {
          tags,
          summary: '参与部门确认或提出异议',
          params: IdParams,
          body: JointResponseBody,
          response,
        },
      },
      async (request) =>
        respondToJointPlan(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/coordination-request`,
      {
        schema: {
          tags,
          summary: '方案未能达成一致，申请司法局协调（第八条第一项）',
          params: IdParams,
          body: CoordinationRequestBody,
          response,
        },
      },
      async (request) =>
        requestJointCoordination(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/start`,
      {
        schema: {
          tags,
          summary: '开始实施',
          params: IdParams,
          body: z.object({ startedOn: zIsoDate }),
          response,
        },
      },
      async (request) =>
        startJointAction(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/inspections`,
      { schema: { tags, summary: '记录联合检查', params: IdParams, body: JointInspectionBody, response } },
      async (request) =>
        recordJointInspection(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/cases`,
      { schema: { tags, summary: '关联行动查处的案件', params: IdParams, body: JointCaseBody, response } },
      async (request) => linkJointCase(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      `${base}/:id/close`,
      { schema: { tags, summary: '行动总结并结束', params: IdParams, body: JointCloseBody, response } },
      async (request) =>
        closeJointAction(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.get(
      `${base}/:id/documents/:kind`,
      {
        schema: {
          tags,
          summary: '联合执法建议书、方案、总结（Word）',
          params: IdParams.extend({
            kind: z.enum(Object.keys(JOINT_DOCUMENT_KINDS) as ['proposal', 'plan', 'summary'], {
              error: '文书种类无效',
            }),
          }),
        },
      },
      async (request, reply) => {
        const file = await jointDocx(
          db,
          requireActor(request),
          request.params.id,
          request.params.kind,
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
