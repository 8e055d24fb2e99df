import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { PeriodParams } from '../periods/periods.schema.ts';
import { SubjectParams } from '../records/assessment-records.schema.ts';
import { RollUpQuery, WhatIfBody } from './results.schema.ts';
import { computePeriod, finalisePeriod, getRanking, getScorecard, publishPeriod } from './results.service.ts';
import { getRollUp } from './roll-up.service.ts';
import { runWhatIf } from './what-if.service.ts';

/** Closing a period: compute, publish, finalise; ranking and scorecards; what-if and roll-up. */
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
    app.post(
      '/api/assessment/periods/:id/what-if',
      {
        schema: {
          tags,
          summary: '试算：改参数或方案草稿，对比等次变化（不保存）',
          params: PeriodParams,
          body: WhatIfBody,
        },
      },
      async (request) => runWhatIf(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/assessment/roll-up',
      { schema: { tags, summary: '季度汇总为年度（半年）结果', querystring: RollUpQuery } },
      async (request) => getRollUp(db, requireActor(request), request.query),
    );
  };
}
