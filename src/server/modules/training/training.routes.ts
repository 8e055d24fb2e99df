/** The training domain's routes (培训制度 第四–八条): registers the sub-domains', holds none. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import './compliance/compliance.register.ts';
import { plansRoutes } from './plans/plans.routes.ts';
import { selfStudyRoutes } from './self-study/self-study.routes.ts';
import { sessionsRoutes } from './sessions/sessions.routes.ts';

export function trainingDomainRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(plansRoutes(deps));
    await app.register(sessionsRoutes(deps));
    await app.register(selfStudyRoutes(deps));
  };
}
