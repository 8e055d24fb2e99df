import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zIdParam } from '../../../../common/validation-zod.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { UnitParams, YearQuery } from '../units.schema.ts';
import { CheckBody, CheckItemList, CheckList, CheckView } from './checks.schema.ts';
import { listCheckItems, listChecks, recordCheck } from './checks.service.ts';

/** 年终考核和组织抽查 (seed 002 三(三)). */
export function checksRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['依法行政考核'];
    app.get(
      '/api/units/:orgId/checks',
      {
        schema: {
          tags,
          summary: '年终考核和抽查记录',
          params: UnitParams,
          querystring: YearQuery,
          response: { 200: CheckList },
        },
      },
      async (request) => listChecks(db, requireActor(request), request.params.orgId, request.query.year),
    );
    app.get(
      '/api/unit-periods/:periodId/check-items',
      {
        schema: {
          tags,
          summary: '考核检查可记录的扣分项目（办公室）',
          params: z.object({ periodId: zIdParam('考核周期编号无效') }),
          response: { 200: CheckItemList },
        },
      },
      async (request) => listCheckItems(db, requireActor(request), request.params.periodId),
    );
    app.post(
      '/api/units/:orgId/checks',
      {
        schema: {
          tags,
          summary: '记录年终考核或抽查（考核人员、方法、情况；扣分记入考核周期）',
          params: UnitParams,
          body: CheckBody,
          response: { 201: CheckView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await recordCheck(db, requireActor(request), request.params.orgId, request.body)),
    );
  };
}
