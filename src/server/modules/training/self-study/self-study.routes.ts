import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SELF_STUDY_PLATFORM_LABELS } from '../../../../common/training.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { addSelfStudyRecord } from '../../officers/officers.public.ts';
import { TrainingView } from '../../officers/training/training.schema.ts';
import { SelfStudyBody } from './self-study.schema.ts';

/** 自学记录: an officer logs their own online learning (培训制度第七条(一)(三)). */
export function selfStudyRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/self-study',
      {
        schema: {
          tags: ['执法培训'],
          summary: '登记本人自学记录（法治讲堂·逢九必讲、法宣在线）',
          body: SelfStudyBody,
          response: { 201: TrainingView },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const view = await addSelfStudyRecord(db, requireActor(request), {
          ...body,
          organiser: SELF_STUDY_PLATFORM_LABELS[body.platform],
        });
        return reply.status(201).send(view);
      },
    );
  };
}
