import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zIdParam } from '../../../../common/validation-zod.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { PlanBody, PlanList, PlanListQuery, PlanView } from './plans.schema.ts';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan } from './plans.service.ts';

const IdParams = z.object({ id: zIdParam('培训计划编号无效') });

/** 年度培训计划 (培训制度第四–七条). */
export function plansRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['执法培训'];
    app.get(
      '/api/training-plans',
      {
        schema: {
          tags,
          summary: '年度培训计划列表',
          querystring: PlanListQuery,
          response: { 200: PlanList },
        },
      },
      async (request) => listPlans(db, requireActor(request), request.query),
    );
    app.get(
      '/api/training-plans/:id',
      { schema: { tags, summary: '年度培训计划', params: IdParams, response: { 200: PlanView } } },
      async (request) => getPlan(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/training-plans',
      { schema: { tags, summary: '制定年度培训计划', body: PlanBody, response: { 201: PlanView } } },
      async (request, reply) =>
        reply.status(201).send(await createPlan(db, requireActor(request), request.body)),
    );
    app.put(
      '/api/training-plans/:id',
      {
        schema: {
          tags,
          summary: '修改年度培训计划',
          params: IdParams,
          body: PlanBody,
          response: { 200: PlanView },
        },
      },
      async (request) => updatePlan(db, requireActor(request), request.params.id, request.body),
    );
    app.delete(
      '/api/training-plans/:id',
      { schema: { tags, summary: '删除年度培训计划', params: IdParams } },
      async (request, reply) => {
        await deletePlan(db, requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
