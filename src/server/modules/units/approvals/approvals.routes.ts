import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import {
  CategoryParams,
  DecisionBody,
  PeriodParams,
  SubmitBody,
  UnitPeriodList,
  UnitPeriodView,
} from './approvals.schema.ts';
import { decideApproval, getUnitPeriod, listUnitPeriods, submitForApproval } from './approvals.service.ts';

/** 审定 by the leading group between computing and publishing (seed 002 三(五)). */
export function approvalsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['依法行政考核'];
    app.get(
      '/api/unit-periods',
      { schema: { tags, summary: '单位考核周期及审定进度', response: { 200: UnitPeriodList } } },
      async (request) => listUnitPeriods(db, requireActor(request)),
    );
    app.get(
      '/api/unit-periods/:periodId',
      {
        schema: {
          tags,
          summary: '分类考核结果及审定情况',
          params: PeriodParams,
          response: { 200: UnitPeriodView },
        },
      },
      async (request) => getUnitPeriod(db, requireActor(request), request.params.periodId),
    );
    app.post(
      '/api/unit-periods/:periodId/approvals/:category/submit',
      {
        schema: {
          tags,
          summary: '报送领导小组审定（办公室）',
          params: CategoryParams,
          body: SubmitBody,
          response: { 200: UnitPeriodView },
        },
      },
      async (request) =>
        submitForApproval(
          db,
          requireActor(request),
          request.params.periodId,
          request.params.category,
          request.body,
        ),
    );
    app.post(
      '/api/unit-periods/:periodId/approvals/:category/decision',
      {
        schema: {
          tags,
          summary: '审定通过或退回（领导小组）',
          params: CategoryParams,
          body: DecisionBody,
          response: { 200: UnitPeriodView },
        },
      },
      async (request) =>
        decideApproval(
          db,
          requireActor(request),
          request.params.periodId,
          request.params.category,
          request.body,
        ),
    );
  };
}
