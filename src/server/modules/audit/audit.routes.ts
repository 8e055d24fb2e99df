import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { requireActor } from '../../lib/http.ts';
import { AuditListQuery, AuditPage } from './audit.schema.ts';
import { listAudit } from './audit.service.ts';

export function auditRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['审计'],
          summary: '审计日志（按操作人、操作、时间筛选）',
          querystring: AuditListQuery,
          response: { 200: AuditPage },
        },
      },
      async (request) => listAudit(db, requireActor(request), request.query),
    );
  };
}
