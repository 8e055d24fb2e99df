/** The case-file review domain's routes (docs/reviews.md): each step registers its own; none here. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { campaignsRoutes } from './campaigns/campaigns.routes.ts';

export function reviewsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(campaignsRoutes(deps));
  };
}
