import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { SUPERVISION_TAGS } from '../matters/matters.routes.ts';
import { IdParams } from '../supervision.schema.ts';
import {
  NoticeDraftBody,
  NoticeDraftPatch,
  NoticeListQuery,
  NoticePage,
  NoticeReportBody,
  NoticeReviewBody,
  NoticeServeBody,
  NoticeSupersedeBody,
  NoticeView,
  NoticeWithdrawBody,
} from './notices.schema.ts';
import {
  createNoticeDraft,
  getNotice,
  listNotices,
  renderNotice,
  reportOnNotice,
  reviewReport,
  serveNotice,
  submitNotice,
  supersedeNotice,
  updateNoticeDraft,
  withdrawNotice,
} from './notices.service.ts';

export function noticesRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = SUPERVISION_TAGS;
    const ok = { response: { 200: NoticeView } };
    app.get(
      '/api/supervision/notices',
      {
        schema: {
          tags,
          summary: '监督通知书（发文登记视图；被监督单位只见已签发的）',
          querystring: NoticeListQuery,
          response: { 200: NoticePage },
        },
      },
      async (request) => listNotices(db, requireActor(request), request.query),
    );
    app.get(
      '/api/supervision/notices/:id',
      { schema: { tags, summary: '监督通知书详情', params: IdParams, ...ok } },
      async (request) => getNotice(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/supervision/notices/:id/document.docx',
      { schema: { tags, summary: '打印监督通知书（公文格式 DOCX）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await renderNotice(db, requireActor(request), request.params.id)),
    );
    app.post(
      '/api/supervision/matters/:id/notices',
      {
        schema: {
          tags,
          summary: '起草行政执法监督通知书（第十五条）',
          params: IdParams,
          body: NoticeDraftBody,
          response: { 201: NoticeView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createNoticeDraft(db, requireActor(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/supervision/notices/:id',
      {
        schema: {
          tags,
          summary: '修改通知书草稿（已签发的通知书不能修改，只能撤回或替代）',
          params: IdParams,
          body: NoticeDraftPatch,
          ...ok,
        },
      },
      async (request) => updateNoticeDraft(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/notices/:id/supersede',
      {
        schema: {
          tags,
          summary: '以新通知书替代已签发的通知书（新通知书签发时原通知书撤回）',
          params: IdParams,
          body: NoticeSupersedeBody,
          response: { 201: NoticeView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await supersedeNotice(db, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/api/supervision/notices/:id/submit',
      { schema: { tags, summary: '提交领导签发', params: IdParams, ...ok } },
      async (request) => submitNotice(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/supervision/notices/:id/serve',
      {
        schema: {
          tags,
          summary: '登记送达（报告期限：收到之日起 30 日）',
          params: IdParams,
          body: NoticeServeBody,
          ...ok,
        },
      },
      async (request) => serveNotice(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/notices/:id/report',
      {
        schema: {
          tags,
          summary: '被监督单位书面报告落实情况',
          params: IdParams,
          body: NoticeReportBody,
          ...ok,
        },
      },
      async (request) => reportOnNotice(db, requireActor(request), request.params.id, request.body.content),
    );
    app.post(
      '/api/supervision/notices/:id/review',
      {
        schema: {
          tags,
          summary: '审核落实情况报告（通过办结或退回重报）',
          params: IdParams,
          body: NoticeReviewBody,
          ...ok,
        },
      },
      async (request) => reviewReport(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/notices/:id/withdraw',
      {
        schema: {
          tags,
          summary: '撤回已签发的通知书（说明理由，文号不再使用）',
          params: IdParams,
          body: NoticeWithdrawBody,
          ...ok,
        },
      },
      async (request) => withdrawNotice(db, requireActor(request), request.params.id, request.body.reason),
    );
  };
}
