import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { CaseHandlerCandidates, CaseHandlerCandidatesQuery } from './case-handlers.schema.ts';
import { listCaseHandlerCandidates } from './case-handlers.service.ts';

export function caseHandlersRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/officers/case-handlers',
      {
        schema: {
          tags: ['执法人员'],
          summary: '本单位可作为案件承办人的执法人员（在岗且立案日持有效执法证）',
          querystring: CaseHandlerCandidatesQuery,
          response: { 200: CaseHandlerCandidates },
        },
      },
      async (request) => listCaseHandlerCandidates(db, requireActor(request), request.query),
    );
  };
}
