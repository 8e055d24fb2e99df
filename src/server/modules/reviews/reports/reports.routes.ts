import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zText } from '../../../../common/validation-zod.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { FileParams, IdParams, UnitParams } from '../campaigns/campaigns.schema.ts';
import { FailingOfficersQuery } from '../results/results.schema.ts';
import {
  downloadCircular,
  downloadOverallReport,
  downloadRevocationLetter,
  downloadScoreSheet,
  downloadScoresWorkbook,
  downloadUnitReport,
  issueCircular,
} from './reports.service.ts';

const PersonParams = IdParams.extend({
  personKey: z.string().regex(/^(officer|user):\d+$/, '人员编号无效'),
});

export const CircularIssued = z.object({
  campaignId: z.number(),
  circularNumber: zText(),
  circularIssuedOn: zText(),
});

/** The review documents (第十二条(三)(八)、第十三条、第十七条): DOCX and XLSX downloads, the circular's issue. */
export function reportsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['案卷评查'];
    app.get(
      '/api/review-campaigns/:id/units/:orgId/report.docx',
      { schema: { tags, summary: '被评查单位评查报告（第十三条七项内容，DOCX）', params: UnitParams } },
      async (request, reply) =>
        sendFile(
          reply,
          await downloadUnitReport(db, requireActor(request), request.params.id, request.params.orgId),
        ),
    );
    app.get(
      '/api/review-campaigns/:id/overall-report.docx',
      { schema: { tags, summary: '评查总体报告（DOCX）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await downloadOverallReport(db, requireActor(request), request.params.id)),
    );
    app.get(
      '/api/review-campaigns/:id/circular.docx',
      { schema: { tags, summary: '评查通报（公文格式 DOCX；印发前为未印发稿）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await downloadCircular(db, requireActor(request), request.params.id)),
    );
    app.post(
      '/api/review-campaigns/:id/circular',
      {
        schema: {
          tags,
          summary: '印发评查通报（博司评编号；整改报告 10 日期限自此起算）',
          params: IdParams,
          response: { 200: CircularIssued },
        },
      },
      async (request) => issueCircular(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/review-campaigns/:id/failing-officers/:personKey/revocation-letter.docx',
      {
        schema: {
          tags,
          summary: '提请撤销行政执法资格的意见（第十八条，公文格式 DOCX）',
          params: PersonParams,
          querystring: FailingOfficersQuery,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await downloadRevocationLetter(
            db,
            requireActor(request),
            request.params.id,
            request.params.personKey,
            request.query.threshold,
          ),
        ),
    );
    app.get(
      '/api/review-campaigns/:id/files/:fileId/score-sheet.docx',
      { schema: { tags, summary: '案卷评分表（各评查人员扣分及理由，DOCX）', params: FileParams } },
      async (request, reply) =>
        sendFile(
          reply,
          await downloadScoreSheet(db, requireActor(request), request.params.id, request.params.fileId),
        ),
    );
    app.get(
      '/api/review-campaigns/:id/scores.xlsx',
      { schema: { tags, summary: '全部评分（XLSX）', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await downloadScoresWorkbook(db, requireActor(request), request.params.id)),
    );
  };
}
