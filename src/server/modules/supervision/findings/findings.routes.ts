import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { SUPERVISION_TAGS } from '../matters/matters.routes.ts';
import { IdParams } from '../supervision.schema.ts';
import { FindingBody, FindingList, FindingView, FindingWithdrawBody } from './findings.schema.ts';
import { listFindings, recordFinding, withdrawFinding } from './findings.service.ts';

export function findingsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = SUPERVISION_TAGS;
    for (const [segment, sourceOf] of [
      ['notices', (id: number) => ({ noticeId: id })],
      ['decisions', (id: number) => ({ decisionId: id })],
    ] as const) {
      const what = segment === 'notices' ? '监督通知书' : '监督决定';
      app.get(
        `/api/supervision/${segment}/:id/findings`,
        {
          schema: {
            tags,
            summary: `据${what}作出的执法过错认定与责任追究`,
            params: IdParams,
            response: { 200: FindingList },
          },
        },
        async (request) => listFindings(db, requireActor(request), sourceOf(request.params.id)),
      );
      app.post(
        `/api/supervision/${segment}/:id/findings`,
        {
          schema: {
            tags,
            summary: `据${what}登记执法人员的执法过错认定、责任追究、违法违纪、国家赔偿追偿或惩处`,
            params: IdParams,
            body: FindingBody,
            response: { 201: FindingView },
          },
        },
        async (request, reply) =>
          reply
            .status(201)
            .send(await recordFinding(db, requireActor(request), sourceOf(request.params.id), request.body)),
      );
    }
    app.post(
      '/api/supervision/findings/:id/withdraw',
      {
        schema: {
          tags,
          summary: '撤销误登的执法过错认定（说明理由）',
          params: IdParams,
          body: FindingWithdrawBody,
          response: { 200: FindingView },
        },
      },
      async (request) => withdrawFinding(db, requireActor(request), request.params.id, request.body.reason),
    );
  };
}
