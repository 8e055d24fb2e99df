import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { type DatabaseHandle, pingDatabase } from './db/database.ts';
import type { AppDeps } from './lib/app-deps.ts';
import { AppError } from './lib/errors.ts';
import { handleError, requireActor, SESSION_COOKIE } from './lib/http.ts';
import { registerIdempotency } from './lib/idempotency/idempotency.ts';
import { assertSameOrigin } from './lib/same-origin.ts';
import { assessmentAppealsRoutes } from './modules/assessment/appeals/appeals.routes.ts';
import { assessmentAttachmentsRoutes } from './modules/assessment/attachments/assessment-attachments.routes.ts';
import { assessmentDocumentsRoutes } from './modules/assessment/documents/assessment-documents.routes.ts';
import { assessmentPeriodsRoutes } from './modules/assessment/periods/periods.routes.ts';
import { assessmentProposalsRoutes } from './modules/assessment/proposals/proposals.routes.ts';
import { assessmentRecordsRoutes } from './modules/assessment/records/assessment-records.routes.ts';
import { assessmentResultsRoutes } from './modules/assessment/results/results.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { resolveActor } from './modules/auth/auth.service.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { caseFilesRoutes } from './modules/case-files/case-files.routes.ts';
import { complaintsRoutes } from './modules/cases/complaints/complaints.routes.ts';
import { casesRoutes } from './modules/cases/records/cases.routes.ts';
import { coordinationRoutes } from './modules/coordination/coordination.routes.ts';
import { disclosureRoutes } from './modules/disclosure/disclosure.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { officersRoutes } from './modules/officers/archive/officers.routes.ts';
import { caseHandlersRoutes } from './modules/officers/case-handlers/case-handlers.routes.ts';
import { trainingRoutes } from './modules/officers/training/training.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { reviewsRoutes } from './modules/reviews/reviews.routes.ts';
import { supervisionRoutes } from './modules/supervision/supervision.routes.ts';
import { trainingDomainRoutes } from './modules/training/training.routes.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { workbenchRoutes } from './modules/workbench/workbench.routes.ts';

// Default zod messages (the ones a schema does not word itself) in Chinese.
z.config(z.locales.zhCN());

/** What a session whose password must change may still do: read who it is, change it, leave. */
const PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/logout',
]);

/** Routes open without a session; every other /api/ route authenticates before it validates. */
const PUBLIC_ROUTES = new Set(['/api/health', '/api/auth/login', '/api/auth/logout']);
const isPublicRoute = (route: string) =>
  PUBLIC_ROUTES.has(route) || route.startsWith('/api/public/') || route.startsWith('/api/docs');

const WEB_DIST = resolve(import.meta.dirname, '../../dist/web');

export interface BuildAppOptions {
  database: DatabaseHandle;
  config: Pick<Config, 'COOKIE_SECURE' | 'SESSION_SECRET' | 'NODE_ENV' | 'LOG_LEVEL'> &
    Partial<Pick<Config, 'TRUST_PROXY' | 'PUBLIC_ORIGIN'>>;
  /** Serve the built web app from dist/web when it exists (off in API tests). */
  serveWeb?: boolean;
  /** Where the built web app is (default dist/web); tests serve a fixture build of their own. */
  webDist?: string;
}

/** TRUST_PROXY as Fastify takes it: a hop count trusts that many hops nearest the server. */
function proxyTrust(setting: Config['TRUST_PROXY']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/**
 * Browser security headers on every response (ASVS 50.x / 3.4): a CSP without inline script (the
 * Vite build loads its modules from files; antd writes inline styles), no framing, nosniff, no
 * referrer to other sites, and HSTS when the cookies are Secure, i.e. behind HTTPS.
 */
function securityHeaders(https: boolean) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/** Builds the Fastify app: plugins, auth hook, every module's routes, the web app. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    // X-Forwarded-For is the client's to write: believed only from configured proxies.
    trustProxy: proxyTrust(config.TRUST_PROXY ?? false),
    bodyLimit: 2 * 1024 * 1024,
    // router errors (a badly encoded URL …) get the same Chinese body as every other error
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(helmet, securityHeaders(config.COOKIE_SECURE));
  registerIdempotency(app, database.db);
  // brotli / gzip for JSON and the web app's scripts and styles (the login page's 954 KB)
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie, { secret: config.SESSION_SECRET });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Fazhi 法治 API', description: '行政执法监督与绩效考核平台接口', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });

  const deps: AppDeps = { db: database.db, database, config };

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  const publicOrigins = config.PUBLIC_ORIGIN ?? [];
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    assertSameOrigin(request, publicOrigins);
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    request.sessionToken = unsigned.value;
    request.actor = await resolveActor(deps.db, unsigned.value, request.ip);
    if (
      request.actor?.mustChangePassword &&
      !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.url.split('?')[0]}`)
    ) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改密码后再使用系统');
    }
  });

  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // the API's map is for the accounts that use it, not for anyone who finds the server
    uiHooks:
      config.NODE_ENV === 'production'
        ? {
            onRequest: async (request) => {
              requireActor(request);
            },
          }
        : {},
  });

  // Authenticate before validating: an anonymous caller learns nothing of a route's fields.
  app.addHook('preValidation', async (request) => {
    const route = request.routeOptions.url;
    if (route?.startsWith('/api/') && !isPublicRoute(route)) requireActor(request);
  });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['embedded', 'postgres']),
            time: z.string(),
          }),
        },
      },
    },
    async () => {
      await pingDatabase(deps.db);
      return { status: 'ok' as const, database: database.kind, time: new Date().toISOString() };
    },
  );

  await app.register(authRoutes(deps));
  await app.register(orgRoutes(deps));
  await app.register(usersRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(calendarRoutes(deps));
  await app.register(officersRoutes(deps));
  await app.register(caseHandlersRoutes(deps));
  await app.register(trainingRoutes(deps));
  await app.register(disclosureRoutes(deps));
  await app.register(casesRoutes(deps));
  await app.register(complaintsRoutes(deps));
  await app.register(caseFilesRoutes(deps));
  await app.register(documentsRoutes(deps));
  await app.register(assessmentPeriodsRoutes(deps));
  await app.register(assessmentRecordsRoutes(deps));
  await app.register(assessmentResultsRoutes(deps));
  await app.register(assessmentAppealsRoutes(deps));
  await app.register(assessmentProposalsRoutes(deps));
  await app.register(assessmentDocumentsRoutes(deps));
  await app.register(assessmentAttachmentsRoutes(deps));
  await app.register(reviewsRoutes(deps));
  await app.register(workbenchRoutes(deps));
  await app.register(supervisionRoutes(deps));
  await app.register(coordinationRoutes(deps));
  await app.register(unitsRoutes(deps));
  await app.register(trainingDomainRoutes(deps));

  const webDist = options.webDist ?? WEB_DIST;
  if (options.serveWeb && existsSync(join(webDist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart
    // Vite's hashed assets never change under their name: cached for a year; index.html always
    // revalidated, so a new build is picked up at once.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      cacheControl: false,
      setHeaders: (response, path) => {
        response.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // Client-side routes (/orgs, /users …) all load the single-page app.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } }),
    );
  }
  return app;
}
