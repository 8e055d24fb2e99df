import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { PeriodParams } from '../periods/periods.schema.ts';
import { SubjectParams } from '../records/assessment-records.schema.ts';
import { AppealBody, AppealListQuery, AppealParams, DecisionBody } from './appeals.schema.ts';
import { decideAppeal, listAppeals, submitAppeal } from './appeals.service.ts';

/** 申诉 (seed 004 第四章第三条): the list, a subject's appeal within the window, the decision. */
export function assessmentAppealsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['绩效考核'];
    app.get(
      '/api/assessment/periods/:id/appeals',
      { schema: { tags, summary: '申诉列表（分页）', params: PeriodParams, querystring: AppealListQuery } },
      async (request) => listAppeals(db, requireActor(request), request.params.id, request.query),
    );
    app.post(
      '/api/assessment/periods/:id/subjects/:subjectKey/appeals',
      {
        schema: {
          tags,
          summary: '提出申诉（公示之日起 N 个工作日内）',
          params: SubjectParams,
          body: AppealBody,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await submitAppeal(
              db,
              requireActor(request),
              request.params.id,
              request.params.subjectKey,
              request.body,
            ),
          ),
    );
    app.post(
      '/api/assessment/periods/:id/appeals/:appealId/decision',
      { schema: { tags, summary: '申诉决定（领导小组）', params: AppealParams, body: DecisionBody } },
      async (request) =>
        decideAppeal(db, requireActor(request), request.params.id, request.params.appealId, request.body),
    );
  };
}
