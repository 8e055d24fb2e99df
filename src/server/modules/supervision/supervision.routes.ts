/** Registers the supervision sub-domains' routes; holds none itself. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { supervisionAttachmentsRoutes } from './attachments/attachments.routes.ts';
import { circularsRoutes } from './circulars/circulars.routes.ts';
import { decisionsRoutes } from './decisions/decisions.routes.ts';
import './findings/findings.register.ts';
import { findingsRoutes } from './findings/findings.routes.ts';
import { inspectionsRoutes } from './inspections/inspections.routes.ts';
import { mattersRoutes } from './matters/matters.routes.ts';
import { noticesRoutes } from './notices/notices.routes.ts';
import { referralsRoutes } from './referrals/referrals.routes.ts';

export function supervisionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(mattersRoutes(deps));
    await app.register(inspectionsRoutes(deps));
    await app.register(referralsRoutes(deps));
    await app.register(noticesRoutes(deps));
    await app.register(supervisionAttachmentsRoutes(deps));
    await app.register(decisionsRoutes(deps));
    await app.register(circularsRoutes(deps));
    await app.register(findingsRoutes(deps));
  };
}
