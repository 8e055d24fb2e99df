import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { UnitParams, YearQuery } from '../units.schema.ts';
import { SummaryCopyBody, SummaryList, SummaryUnitView } from './summary.schema.ts';
import { listSummarySubmissions, recordSummaryCopy } from './summary.service.ts';

/** The 执法业绩考评汇总表's submission (seed 000 填表说明: 元月15日前, 两个办公室各一份). */
export function summaryRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['依法行政考核'];
    app.get(
      '/api/unit-summary-submissions',
      {
        schema: {
          tags,
          summary: '执法业绩考评汇总表报送情况（各单位两份的报送日期）',
          querystring: YearQuery,
          response: { 200: SummaryList },
        },
      },
      async (request) => listSummarySubmissions(db, requireActor(request), request.query.year),
    );
    app.post(
      '/api/units/:orgId/summary-submissions',
      {
        schema: {
          tags,
          summary: '登记汇总表的一份已报送（本单位或领导小组办公室）',
          params: UnitParams,
          body: SummaryCopyBody,
          response: { 200: SummaryUnitView },
        },
      },
      async (request) => recordSummaryCopy(db, requireActor(request), request.params.orgId, request.body),
    );
  };
}
