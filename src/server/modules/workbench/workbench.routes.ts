import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { annualReportRoutes } from './annual-report/annual-report.routes.ts';
import { cockpitRoutes } from './cockpit/cockpit.routes.ts';
import { todosRoutes } from './todos/todos.routes.ts';
import { warningsRoutes } from './warnings/warnings.routes.ts';

/** Registers the workbench's sub-domains' routes; holds none itself. */
export function workbenchRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(todosRoutes(deps));
    await app.register(warningsRoutes(deps));
    await app.register(cockpitRoutes(deps));
    await app.register(annualReportRoutes(deps));
  };
}
