import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { SUPERVISION_TAGS } from '../matters/matters.routes.ts';
import { IdParams } from '../supervision.schema.ts';
import {
  ReferralAcceptBody,
  ReferralBody,
  ReferralListQuery,
  ReferralPage,
  ReferralReturnBody,
  ReferralView,
} from './referrals.schema.ts';
import {
  acceptReferral,
  createReferral,
  getReferral,
  listReferrals,
  returnReferral,
} from './referrals.service.ts';

export function referralsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = SUPERVISION_TAGS;
    app.get(
      '/api/supervision/referrals',
      {
        schema: {
          tags,
          summary: '司法所提请列表（第十七条）',
          querystring: ReferralListQuery,
          response: { 200: ReferralPage },
        },
      },
      async (request) => listReferrals(db, requireActor(request), request.query),
    );
    app.get(
      '/api/supervision/referrals/:id',
      { schema: { tags, summary: '司法所提请详情', params: IdParams, response: { 200: ReferralView } } },
      async (request) => getReferral(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/supervision/referrals',
      {
        schema: {
          tags,
          summary: '司法所提请县司法局处理违法或不当行政执法行为（第十七条）',
          body: ReferralBody,
          response: { 201: ReferralView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createReferral(db, requireActor(request), request.body)),
    );
    app.post(
      '/api/supervision/referrals/:id/accept',
      {
        schema: {
          tags,
          summary: '受理提请并立项监督事项',
          params: IdParams,
          body: ReferralAcceptBody,
          response: { 200: ReferralView },
        },
      },
      async (request) => acceptReferral(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/referrals/:id/return',
      {
        schema: {
          tags,
          summary: '退回提请（说明理由）',
          params: IdParams,
          body: ReferralReturnBody,
          response: { 200: ReferralView },
        },
      },
      async (request) => returnReferral(db, requireActor(request), request.params.id, request.body.reason),
    );
  };
}
