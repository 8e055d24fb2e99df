import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { SUPERVISION_TAGS } from '../matters/matters.routes.ts';
import { NoticeWithdrawBody } from '../notices/notices.schema.ts';
import { IdParams } from '../supervision.schema.ts';
import {
  CircularDraftBody,
  CircularDraftPatch,
  CircularListQuery,
  CircularPage,
  CircularView,
} from './circulars.schema.ts';
import {
  createCircular,
  getCircular,
  listCirculars,
  renderCircular,
  submitCircular,
  updateCircular,
  withdrawCircular,
} from './circulars.service.ts';

export function circularsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = SUPERVISION_TAGS;
    const ok = { response: { 200: CircularView } };
    app.get(
      '/api/supervision/circulars',
      {
        schema: {
          tags,
          summary: '通报批评、通报表扬（第二十二、二十三条）',
          querystring: CircularListQuery,
          response: { 200: CircularPage },
        },
      },
      async (request) => listCirculars(db, requireActor(request), request.query),
    );
    app.get(
      '/api/supervision/circulars/:id',
      { schema: { tags, summary: '通报详情', params: IdParams, ...ok } },
      async (request) => getCircular(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/supervision/circulars/:id/document.docx',
      { schema: { tags, summary: '打印通报（公文格式 DOCX）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await renderCircular(db, requireActor(request), request.params.id)),
    );
    app.post(
      '/api/supervision/circulars',
      {
        schema: { tags, summary: '起草通报', body: CircularDraftBody, response: { 201: CircularView } },
      },
      async (request, reply) =>
        reply.status(201).send(await createCircular(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/supervision/circulars/:id',
      { schema: { tags, summary: '修改通报草稿', params: IdParams, body: CircularDraftPatch, ...ok } },
      async (request) => updateCircular(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/circulars/:id/submit',
      { schema: { tags, summary: '通报提交领导签发', params: IdParams, ...ok } },
      async (request) => submitCircular(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/supervision/circulars/:id/withdraw',
      {
        schema: {
          tags,
          summary: '撤回已印发的通报（说明理由，文号不再使用）',
          params: IdParams,
          body: NoticeWithdrawBody,
          ...ok,
        },
      },
      async (request) => withdrawCircular(db, requireActor(request), request.params.id, request.body.reason),
    );
  };
}
