import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import {
  CoordinationParametersSchema,
  CoordinationSettingsView,
  getCoordinationSettings,
  setCoordinationSettings,
} from './settings.service.ts';

export function coordinationSettingsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['行政执法协调'];
    app.get(
      '/api/coordination/settings',
      { schema: { tags, summary: '协调时限参数（本县）', response: { 200: CoordinationSettingsView } } },
      async (request) => getCoordinationSettings(db, requireActor(request)),
    );
    app.put(
      '/api/coordination/settings',
      {
        schema: {
          tags,
          summary: '修改协调时限参数（已受理的争议沿用受理时的时限）',
          body: CoordinationParametersSchema,
          response: { 200: CoordinationSettingsView },
        },
      },
      async (request) => setCoordinationSettings(db, requireActor(request), request.body),
    );
  };
}
