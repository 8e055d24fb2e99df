import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { PeriodParams } from '../periods/periods.schema.ts';
import { PeriodRatersBody } from '../raters/period-raters.schema.ts';
import { getPeriodRaters, setPeriodRaters } from '../raters/period-raters.service.ts';
import { getSelfAssessmentView } from '../subjects/subjects.service.ts';
import {
  RatingBody,
  RecordCreateBody,
  RecordListQuery,
  RecordParams,
  SelfAssessmentBody,
  SubjectParams,
} from './assessment-records.schema.ts';
import { createRecord, listRecords, withdrawRecord } from './assessment-records.service.ts';
import { getMySheet, putRating } from './ratings.service.ts';
import { getProvisionalScore, submitSelfAssessment } from './self-assessments.service.ts';

/** Work during a period: records by assessors, ratings by leaders, self-assessment by subjects. */
export function assessmentRecordsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['绩效考核'];
    app.get(
      '/api/assessment/periods/:id/records',
      {
        schema: {
          tags,
          summary: '考核记录（按负责考核科室、考核对象筛选）',
          params: PeriodParams,
          querystring: RecordListQuery,
        },
      },
      async (request) => listRecords(db, requireActor(request), request.params.id, request.query),
    );
    app.post(
      '/api/assessment/periods/:id/records',
      {
        schema: {
          tags,
          summary: '记录扣分、加分或一票否决事项',
          params: PeriodParams,
          body: RecordCreateBody,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createRecord(db, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/api/assessment/periods/:id/records/:recordId/withdraw',
      { schema: { tags, summary: '撤回考核记录（留痕）', params: RecordParams } },
      async (request) =>
        withdrawRecord(db, requireActor(request), request.params.id, request.params.recordId),
    );
    app.get(
      '/api/assessment/periods/:id/raters',
      { schema: { tags, summary: '本周期的测评人（主要领导、分管领导等）', params: PeriodParams } },
      async (request) => getPeriodRaters(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/assessment/periods/:id/raters',
      {
        schema: { tags, summary: '指定本周期的测评人', params: PeriodParams, body: PeriodRatersBody },
      },
      async (request) => setPeriodRaters(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/assessment/periods/:id/ratings/mine',
      { schema: { tags, summary: '本人的测评表', params: PeriodParams } },
      async (request) => getMySheet(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/assessment/periods/:id/ratings',
      { schema: { tags, summary: '测评打分（本人测评表）', params: PeriodParams, body: RatingBody } },
      async (request) => putRating(db, requireActor(request), request.params.id, request.body),
    );
    app.put(
      '/api/assessment/periods/:id/subjects/:subjectKey/self-assessment',
      { schema: { tags, summary: '报送自查自评', params: SubjectParams, body: SelfAssessmentBody } },
      async (request) =>
        submitSelfAssessment(
          db,
          requireActor(request),
          request.params.id,
          request.params.subjectKey,
          request.body,
        ),
    );
    app.get(
      '/api/assessment/periods/:id/subjects/:subjectKey/self-assessment',
      { schema: { tags, summary: '查看自查自评（逐条考核项目、条款及自评得分）', params: SubjectParams } },
      async (request) =>
        getSelfAssessmentView(db, requireActor(request), request.params.id, request.params.subjectKey),
    );
    app.get(
      '/api/assessment/periods/:id/subjects/:subjectKey/provisional',
      { schema: { tags, summary: '实时预计得分及得分说明', params: SubjectParams } },
      async (request) =>
        getProvisionalScore(db, requireActor(request), request.params.id, request.params.subjectKey),
    );
  };
}
