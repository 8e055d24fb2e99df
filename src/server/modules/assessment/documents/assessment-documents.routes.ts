import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zIdParam } from '../../../../common/validation-zod.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { PeriodParams } from '../periods/periods.schema.ts';
import { SubjectParams } from '../records/assessment-records.schema.ts';
import { getCircularIssue, requestCircularSignOff } from '../results/results-circular.issue.ts';
import {
  DOCUMENT_FORMATS,
  getAnnualSummary,
  getQualitySupervisionForm,
  getResultsCircular,
  getRewardsPunishmentsRecord,
} from './assessment-documents.service.ts';

const FORMAT_LABELS = { xlsx: 'Excel', docx: 'Word' } as const;

const CircularSignOffBody = z.object({
  signerAccountId: z.number({ error: '签发人编号应为数字' }).int().positive('请选择签发人').optional(),
});

const AnnualSummaryQuery = z.object({
  orgId: zIdParam('单位编号无效').optional(),
});

export function assessmentDocumentsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['绩效考核'];
    for (const format of DOCUMENT_FORMATS) {
      app.get(
        `/api/assessment/periods/:id/subjects/:subjectKey/quality-supervision.${format}`,
        {
          schema: {
            tags,
            summary: `行政执法质量监督表（季度，${FORMAT_LABELS[format]}，seed 000 表式）`,
            params: SubjectParams,
          },
        },
        async (request, reply) =>
          sendFile(
            reply,

            await getQualitySupervisionForm(
              db,
              requireActor(request),
              request.params.id,
              request.params.subjectKey,
              format,
            ),
          ),
      );
      app.get(
        `/api/assessment/periods/:id/subjects/:subjectKey/rewards-punishments.${format}`,
        {
          schema: {
            tags,
            summary: `执法工作考核奖惩记录表（上半年或全年，${FORMAT_LABELS[format]}，seed 000 表式）`,
            params: SubjectParams,
          },
        },
        async (request, reply) =>
          sendFile(
            reply,

            await getRewardsPunishmentsRecord(
              db,
              requireActor(request),
              request.params.id,
              request.params.subjectKey,
              format,
            ),
          ),
      );
      app.get(
        `/api/assessment/periods/:id/annual-summary.${format}`,
        {
          schema: {
            tags,
            summary: `执法业绩考评汇总表（本周期所在年度，${FORMAT_LABELS[format]}，seed 000 表式）`,
            params: PeriodParams,
            querystring: AnnualSummaryQuery,
          },
        },
        async (request, reply) =>
          sendFile(
            reply,

            await getAnnualSummary(db, requireActor(request), request.params.id, format, request.query),
          ),
      );
    }
    app.get(
      '/api/assessment/periods/:id/circular.docx',
      { schema: { tags, summary: '考核结果通报（Word）', params: PeriodParams } },
      async (request, reply) =>
        sendFile(reply, await getResultsCircular(db, requireActor(request), request.params.id)),
    );
    app.get(
      '/api/assessment/periods/:id/circular/issue',
      { schema: { tags, summary: '考核结果通报的发文登记与签发记录', params: PeriodParams } },
      async (request) => getCircularIssue(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/assessment/periods/:id/circular/sign-off',
      {
        schema: {
          tags,
          summary: '提请签发考核结果通报（签发后按发文登记簿编号）',
          params: PeriodParams,
          body: CircularSignOffBody,
        },
      },
      async (request) => requestCircularSignOff(db, requireActor(request), request.params.id, request.body),
    );
  };
}
