import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayInShanghai } from '../../../../common/format.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { ViolationBody, ViolationList, ViolationListQuery, ViolationView } from './violations.schema.ts';
import { listViolations, markViolation } from './violations.service.ts';

/** 第二十三条(一)(二) marks. */
export function violationsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['行政执法协调'];
    app.get(
      '/api/coordination/violations',
      {
        schema: {
          tags,
          summary: '第二十三条通报批评、考核扣分标记',
          querystring: ViolationListQuery,
          response: { 200: ViolationList },
        },
      },
      async (request) => listViolations(db, requireActor(request), request.query),
    );
    app.post(
      '/api/coordination/violations',
      {
        schema: {
          tags,
          summary: '标记单位（推诿不申请协调 / 不执行协调处理决定）',
          body: ViolationBody,
          response: { 201: ViolationView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await markViolation(db, requireActor(request), request.body, todayInShanghai(new Date()))),
    );
  };
}
