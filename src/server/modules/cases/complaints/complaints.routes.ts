import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { recordExport } from '../../audit/audit.service.ts';
import { XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import { IdParams } from '../records/cases.schema.ts';
import {
  CampaignBody,
  ComplaintCreateBody,
  ComplaintListQuery,
  ComplaintPage,
  ComplaintUpdateBody,
  ComplaintView,
  OfficerCountsQuery,
} from './complaints.schema.ts';
import {
  addCampaign,
  createComplaint,
  getComplaint,
  getOfficerCounts,
  listAllComplaints,
  listComplaints,
  updateComplaint,
} from './complaints.service.ts';
import { buildComplaintSheet } from './complaints-export.ts';

export function complaintsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['投诉举报与信访'];
    app.get(
      '/api/complaints',
      {
        schema: {
          tags,
          summary: '投诉举报、信访列表',
          querystring: ComplaintListQuery,
          response: { 200: ComplaintPage },
        },
      },
      async (request) => listComplaints(db, requireActor(request), request.query),
    );
    app.get(
      '/api/complaints/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出投诉举报、信访列表（与列表相同的筛选）',
          querystring: ComplaintListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const items = await listAllComplaints(db, actor, request.query);
        await recordExport(db, actor, { entityType: 'complaint', rows: items.length, filter: request.query });
        return sendFile(reply, {
          fileName: '投诉举报与信访.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildComplaintSheet(items)),
        });
      },
    );
    app.get(
      '/api/complaints/:id',
      {
        schema: { tags, summary: '投诉举报或信访详情', params: IdParams, response: { 200: ComplaintView } },
      },
      async (request) => getComplaint(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/complaints',
      {
        schema: {
          tags,
          summary: '登记投诉举报或信访',
          body: ComplaintCreateBody,
          response: { 201: ComplaintView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createComplaint(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/complaints/:id',
      {
        schema: {
          tags,
          summary: '修改投诉举报或信访（含调查结论、处理情况；记入审计日志）',
          params: IdParams,
          body: ComplaintUpdateBody,
          response: { 200: ComplaintView },
        },
      },
      async (request) => updateComplaint(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/campaign-participations',
      {
        schema: {
          tags,
          summary: '登记参加专项整治',
          body: CampaignBody,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addCampaign(db, requireActor(request), request.body)),
    );
    app.get(
      '/api/cases/officer-counts',
      {
        schema: {
          tags,
          summary: '执法人员期间统计（质量监督表、奖惩记录表所需数字）',
          querystring: OfficerCountsQuery,
        },
      },
      async (request) => getOfficerCounts(db, requireActor(request), request.query),
    );
  };
}
