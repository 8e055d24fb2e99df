/** The case-file review domain's routes (docs/reviews.md): each step registers its own; none here. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { assignmentsRoutes } from './assignments/assignments.routes.ts';
import { campaignsRoutes } from './campaigns/campaigns.routes.ts';
import { panelsRoutes } from './panels/panels.routes.ts';
import { rechecksRoutes } from './rechecks/rechecks.routes.ts';
import { rectificationsRoutes } from './rectifications/rectifications.routes.ts';
import { reportsRoutes } from './reports/reports.routes.ts';
import { resultsRoutes } from './results/results.routes.ts';
import { scoringRoutes } from './scoring/scoring.routes.ts';

export function reviewsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(campaignsRoutes(deps));
    await app.register(panelsRoutes(deps));
    await app.register(assignmentsRoutes(deps));
    await app.register(scoringRoutes(deps));
    await app.register(rechecksRoutes(deps));
    await app.register(resultsRoutes(deps));
    await app.register(rectificationsRoutes(deps));
    await app.register(reportsRoutes(deps));
  };
}
