import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { UnitParams } from '../units.schema.ts';
import {
  CommendationBody,
  FollowUpParams,
  FollowUpView,
  PlanBody,
  ProgressBody,
  RectificationList,
  RectificationParams,
  RectificationView,
  ReviewBody,
} from './results.schema.ts';
import {
  addCommendation,
  confirmRectificationDone,
  fileRectificationPlan,
  getFollowUp,
  listUnitRectifications,
  renderAssessmentReport,
  reportRectificationProgress,
  reviewRectificationPlan,
} from './results.service.ts';

/** 考核结果运用 (seed 002 五): commendations and rectification plans. */
export function resultsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['依法行政考核'];
    const plan = '/api/unit-periods/:periodId/rectifications/:orgId';
    app.get(
      '/api/unit-periods/:periodId/assessment-report.docx',
      { schema: { tags, summary: '考核情况报告（Word，报县委、县政府）', params: FollowUpParams } },
      async (request, reply) =>
        sendFile(reply, await renderAssessmentReport(db, requireActor(request), request.params.periodId)),
    );
    app.get(
      '/api/unit-periods/:periodId/follow-up',
      {
        schema: {
          tags,
          summary: '不合格单位整改与先进表彰',
          params: FollowUpParams,
          response: { 200: FollowUpView },
        },
      },
      async (request) => getFollowUp(db, requireActor(request), request.params.periodId),
    );
    app.get(
      '/api/units/:orgId/rectifications',
      {
        schema: {
          tags,
          summary: '本单位的整改方案',
          params: UnitParams,
          response: { 200: RectificationList },
        },
      },
      async (request) => listUnitRectifications(db, requireActor(request), request.params.orgId),
    );
    app.post(
      plan,
      {
        schema: {
          tags,
          summary: '提交书面整改方案（不合格单位）',
          params: RectificationParams,
          body: PlanBody,
          response: { 200: RectificationView },
        },
      },
      async (request) =>
        fileRectificationPlan(
          db,
          requireActor(request),
          request.params.periodId,
          request.params.orgId,
          request.body,
        ),
    );
    app.post(
      `${plan}/review`,
      {
        schema: {
          tags,
          summary: '同意或退回整改方案（办公室）',
          params: RectificationParams,
          body: ReviewBody,
          response: { 200: RectificationView },
        },
      },
      async (request) =>
        reviewRectificationPlan(
          db,
          requireActor(request),
          request.params.periodId,
          request.params.orgId,
          request.body,
        ),
    );
    app.post(
      `${plan}/progress`,
      {
        schema: {
          tags,
          summary: '报告整改落实情况（本单位）',
          params: RectificationParams,
          body: ProgressBody,
          response: { 200: RectificationView },
        },
      },
      async (request) =>
        reportRectificationProgress(
          db,
          requireActor(request),
          request.params.periodId,
          request.params.orgId,
          request.body,
        ),
    );
    app.post(
      `${plan}/done`,
      {
        schema: {
          tags,
          summary: '确认整改完成（办公室）',
          params: RectificationParams,
          response: { 200: RectificationView },
        },
      },
      async (request) =>
        confirmRectificationDone(db, requireActor(request), request.params.periodId, request.params.orgId),
    );
    app.post(
      '/api/unit-periods/:periodId/commendations',
      {
        schema: {
          tags,
          summary: '评选先进单位和先进个人（办公室）',
          params: FollowUpParams,
          body: CommendationBody,
          response: { 200: FollowUpView },
        },
      },
      async (request) => addCommendation(db, requireActor(request), request.params.periodId, request.body),
    );
  };
}
