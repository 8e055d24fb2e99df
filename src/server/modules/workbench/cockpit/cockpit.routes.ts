import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { CockpitQuery, CockpitView } from './cockpit.schema.ts';
import { getCockpit } from './cockpit.service.ts';

export function cockpitRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/workbench/cockpit',
      {
        schema: {
          tags: ['工作台'],
          summary: '驾驶舱（县级或本单位，按年度/季度与机构筛选，均由记录计算）',
          querystring: CockpitQuery,
          response: { 200: CockpitView },
        },
      },
      async (request) => getCockpit(db, requireActor(request), request.query),
    );
  };
}
