import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { renderOfficialDocx } from '../../documents/documents.public.ts';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import { buildAnnualReportDocument, buildAnnualReportSheet } from './annual-report.documents.ts';
import {
  AnnualReportQuery,
  AnnualReportSubmitBody,
  AnnualReportSubmitted,
  AnnualReportView,
} from './annual-report.schema.ts';
import { getAnnualReport, submitAnnualReport } from './annual-report.service.ts';

export function annualReportRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['工作台'];
    app.get(
      '/api/workbench/annual-report',
      {
        schema: {
          tags,
          summary: '行政执法数据年报（本单位或全县，按年度，由记录计算）',
          querystring: AnnualReportQuery,
          response: { 200: AnnualReportView },
        },
      },
      async (request) => getAnnualReport(db, requireActor(request), request.query),
    );
    app.get(
      '/api/workbench/annual-report.docx',
      { schema: { tags, summary: '行政执法数据年报（Word）', querystring: AnnualReportQuery } },
      async (request, reply) => {
        const report = await getAnnualReport(db, requireActor(request), request.query);
        const issuer =
          report.units.length === 1 && !report.total
            ? report.units[0]!.name
            : report.title.replace(/\d{4}年度行政执法数据年报$/, '');
        return sendFile(reply, {
          fileName: `${report.title}.docx`,
          contentType: DOCX_CONTENT_TYPE,
          bytes: await renderOfficialDocx(buildAnnualReportDocument(report, issuer, report.today)),
        });
      },
    );
    app.get(
      '/api/workbench/annual-report.xlsx',
      { schema: { tags, summary: '行政执法数据年报（Excel）', querystring: AnnualReportQuery } },
      async (request, reply) => {
        const report = await getAnnualReport(db, requireActor(request), request.query);
        return sendFile(reply, {
          fileName: `${report.title}.xlsx`,
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildAnnualReportSheet(report)),
        });
      },
    );
    app.post(
      '/api/workbench/annual-report/submit',
      {
        schema: {
          tags,
          summary: '报送本单位年报（法制机构）',
          body: AnnualReportSubmitBody,
          response: { 200: AnnualReportSubmitted },
        },
      },
      async (request) => submitAnnualReport(db, requireActor(request), request.body),
    );
  };
}
