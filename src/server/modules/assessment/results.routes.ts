import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { requireActor } from '../../lib/http.ts';
import { decideAppeal, listAppeals, submitAppeal } from './appeals.service.ts';
import { SubjectParams } from './assessment-records.schema.ts';
import { PeriodParams } from './periods.schema.ts';
import { AppealBody, AppealParams, DecisionBody } from './results.schema.ts';
import { computePeriod, finalisePeriod, getRanking, getScorecard, publishPeriod } from './results.service.ts';

/** Closing a period: compute, publish, appeals, finalise; ranking and scorecards. */
export function assessmentResultsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['绩效考核'];
    app.post(
      '/api/assessment/periods/:id/compute',
      {
        schema: { tags, summary: '计分（得分、等次、排名、比例控制、一票否决及说明）', params: PeriodParams },
      },
      async (request) => computePeriod(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/assessment/periods/:id/publish',
      { schema: { tags, summary: '公示考核结果，开启申诉期', params: PeriodParams } },
      async (request) => publishPeriod(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/assessment/periods/:id/finalise',
      { schema: { tags, summary: '定档（结果冻结）', params: PeriodParams } },
      async (request) => finalisePeriod(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/assessment/periods/:id/results',
      { schema: { tags, summary: '排名表与等次分布', params: PeriodParams } },
      async (request) => getRanking(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/assessment/periods/:id/subjects/:subjectKey/scorecard',
      { schema: { tags, summary: '考核对象成绩单及得分说明', params: SubjectParams } },
      async (request) =>
        getScorecard(db, requireActor(request), request.params.id, request.params.subjectKey),
    );
    app.get(
      '/api/assessment/periods/:id/appeals',
      { schema: { tags, summary: '申诉列表', params: PeriodParams } },
      async (request) => listAppeals(db, requireActor(request), request.params.id),
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
