import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { CertificateLookupQuery, PublicCertificate } from './disclosure.schema.ts';
import { lookUpCertificate } from './disclosure.service.ts';

/** Public lookups per IP per minute: enough for a citizen, too few to walk the number space. */
export const LOOKUP_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;

/** Public pages' API: no login. */
export function disclosureRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/public/certificates',
      {
        config: { rateLimit: LOOKUP_RATE_LIMIT },
        schema: {
          tags: ['公开查询'],
          summary: '执法证查询（无需登录；证件号码 + 持证人姓名）',
          querystring: CertificateLookupQuery,
          response: { 200: PublicCertificate },
        },
      },
      async (request) => lookUpCertificate(db, request.query),
    );
  };
}
