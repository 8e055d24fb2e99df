/** The unit assessment's routes (依法行政考核, seed 002): registers the sub-domains', holds none. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { approvalsRoutes } from './approvals/approvals.routes.ts';
import { checksRoutes } from './checks/checks.routes.ts';
import { dossierRoutes } from './dossier/dossier.routes.ts';
import { reportsRoutes } from './reports/reports.routes.ts';
import { resultsRoutes } from './results/results.routes.ts';
import { summaryRoutes } from './summary/summary.routes.ts';

export function unitsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(dossierRoutes(deps));
    await app.register(reportsRoutes(deps));
    await app.register(checksRoutes(deps));
    await app.register(approvalsRoutes(deps));
    await app.register(resultsRoutes(deps));
    await app.register(summaryRoutes(deps));
  };
}
