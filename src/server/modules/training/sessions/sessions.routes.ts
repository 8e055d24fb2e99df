import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zIdParam } from '../../../../common/validation-zod.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { type SheetModel, writeSheet } from '../../../lib/xlsx.ts';
import { acceptBinaryBodies, UPLOAD_BODY_LIMIT, XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import {
  AttendeesBody,
  FinishBody,
  SessionBody,
  SessionDetail,
  SessionListQuery,
  SessionPage,
} from './sessions.schema.ts';
import {
  addAttendees,
  createSession,
  deleteSession,
  finishSession,
  getSession,
  importAttendees,
  issueNotice,
  listSessions,
  removeAttendee,
  renderNotice,
  renderSignInSheet,
  updateSession,
} from './sessions.service.ts';

const IdParams = z.object({ id: zIdParam('培训班编号无效') });
const AttendeeParams = IdParams.extend({ officerId: zIdParam('执法人员编号无效') });
/** The columns {@link importAttendees} reads. */
const ATTENDEE_TEMPLATE: SheetModel = {
  name: '参训名单',
  columns: [
    { header: '姓名', width: 14 },
    { header: '执法证编号', width: 24 },
  ],
  rows: [],
};
const AddedResponse = z.object({ added: z.number(), session: SessionDetail });

/** 培训班: sessions, attendee lists, 结业, 培训通知 and 签到表 (培训制度第四–八条). */
export function sessionsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptBinaryBodies(app);
    const tags = ['执法培训'];
    app.get(
      '/api/training-sessions',
      {
        schema: {
          tags,
          summary: '培训班列表',
          querystring: SessionListQuery,
          response: { 200: SessionPage },
        },
      },
      async (request) => listSessions(db, requireActor(request), request.query),
    );
    app.post(
      '/api/training-sessions',
      { schema: { tags, summary: '新建培训班', body: SessionBody, response: { 201: SessionDetail } } },
      async (request, reply) =>
        reply.status(201).send(await createSession(db, requireActor(request), request.body)),
    );
    app.get(
      '/api/training-sessions/:id',
      {
        schema: { tags, summary: '培训班详情与参训名单', params: IdParams, response: { 200: SessionDetail } },
      },
      async (request) => getSession(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/training-sessions/:id',
      {
        schema: {
          tags,
          summary: '修改培训班（结业前）',
          params: IdParams,
          body: SessionBody,
          response: { 200: SessionDetail },
        },
      },
      async (request) => updateSession(db, requireActor(request), request.params.id, request.body),
    );
    app.delete(
      '/api/training-sessions/:id',
      { schema: { tags, summary: '删除培训班（结业前、未发通知）', params: IdParams } },
      async (request, reply) => {
        await deleteSession(db, requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/training-sessions/:id/attendees',
      {
        schema: {
          tags,
          summary: '添加参训人员（从执法人员中选择）',
          params: IdParams,
          body: AttendeesBody,
          response: { 200: AddedResponse },
        },
      },
      async (request) => addAttendees(db, requireActor(request), request.params.id, request.body.officerIds),
    );
    app.post(
      '/api/training-sessions/:id/attendees/import',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: '导入参训名单（XLSX：姓名、执法证编号；全部行无误才添加）',
          params: IdParams,
          consumes: [XLSX_CONTENT_TYPE, 'application/octet-stream'],
          response: { 200: AddedResponse },
        },
      },
      async (request) =>
        importAttendees(
          db,
          requireActor(request),
          request.params.id,
          Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        ),
    );
    app.get(
      '/api/training-sessions/attendees-template.xlsx',
      { schema: { tags, summary: '参训名单导入模板（姓名、执法证编号）' } },
      async (request, reply) => {
        requireActor(request);
        return sendFile(reply, {
          fileName: '参训名单导入模板.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(ATTENDEE_TEMPLATE),
        });
      },
    );
    app.delete(
      '/api/training-sessions/:id/attendees/:officerId',
      {
        schema: { tags, summary: '移出参训人员', params: AttendeeParams, response: { 200: SessionDetail } },
      },
      async (request) =>
        removeAttendee(db, requireActor(request), request.params.id, request.params.officerId),
    );
    app.post(
      '/api/training-sessions/:id/finish',
      {
        schema: {
          tags,
          summary: '培训结业：写入每位参训人员的培训档案（考核成绩）',
          params: IdParams,
          body: FinishBody,
          response: { 200: SessionDetail },
        },
      },
      async (request) => finishSession(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/training-sessions/:id/notice',
      {
        schema: {
          tags,
          summary: '印发培训通知（取文号）',
          params: IdParams,
          response: { 200: SessionDetail },
        },
      },
      async (request) => issueNotice(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/training-sessions/:id/notice.docx',
      { schema: { tags, summary: '培训通知（Word）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await renderNotice(db, requireActor(request), request.params.id)),
    );
    app.get(
      '/api/training-sessions/:id/sign-in.docx',
      { schema: { tags, summary: '签到表（Word）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await renderSignInSheet(db, requireActor(request), request.params.id)),
    );
  };
}
