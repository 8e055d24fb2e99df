/** The coordination domain's routes (协调监督办法第六–十条): registers the sub-domains', holds none. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { disputesRoutes } from './disputes/disputes.routes.ts';
import { jointActionsRoutes } from './joint-actions/joint-actions.routes.ts';
import { liaisonRoutes } from './liaison/liaison.routes.ts';
import { mattersRoutes } from './matters/matters.routes.ts';
import { coordinationSettingsRoutes } from './settings/settings.routes.ts';
import { violationsRoutes } from './violations/violations.routes.ts';

export function coordinationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(coordinationSettingsRoutes(deps));
    await app.register(disputesRoutes(deps));
    await app.register(violationsRoutes(deps));
    await app.register(jointActionsRoutes(deps));
    await app.register(mattersRoutes(deps));
    await app.register(liaisonRoutes(deps));
  };
}
