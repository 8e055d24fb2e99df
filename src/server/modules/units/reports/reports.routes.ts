import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { acceptAttachmentBodies, readUploadedFile } from '../../../lib/uploads.ts';
import { UPLOAD_CONSUMES } from '../../assessment/attachments/assessment-attachments.schema.ts';
import {
  ReportAttachmentParams,
  ReportAttachmentView,
  ReportBody,
  ReportParams,
  ReportView,
} from './reports.schema.ts';
import {
  deleteReportAttachmentById,
  getReport,
  getReportAttachmentFile,
  submitReport,
  uploadReportAttachment,
} from './reports.service.ts';

/** 自查自评 and the 依法行政年度报告 with its files (seed 002 三(一)); its own plugin for the raw bodies. */
export function reportsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptAttachmentBodies(app, 'file', '报告附件');
    const tags = ['依法行政考核'];
    const path = '/api/units/:orgId/reports/:year';
    app.get(
      path,
      {
        schema: {
          tags,
          summary: '自查自评报告（未报送时为 null）',
          params: ReportParams,
          response: { 200: ReportView },
        },
      },
      async (request) => getReport(db, requireActor(request), request.params.orgId, request.params.year),
    );
    app.put(
      path,
      {
        schema: {
          tags,
          summary: '报送或修改依法行政年度报告（本单位，12月1日前）',
          params: ReportParams,
          body: ReportBody,
          response: { 200: ReportView },
        },
      },
      async (request) =>
        submitReport(db, requireActor(request), request.params.orgId, request.params.year, request.body),
    );
    app.post(
      `${path}/attachments`,
      {
        schema: {
          tags,
          summary: '上传年度报告的有关资料（PDF/JPEG/PNG，≤10 MB；文件名放在 x-file-name 头，URL 编码）',
          params: ReportParams,
          consumes: UPLOAD_CONSUMES,
          response: { 201: ReportAttachmentView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await uploadReportAttachment(
              db,
              requireActor(request),
              request.params.orgId,
              request.params.year,
              readUploadedFile(request),
            ),
          ),
    );
    app.get(
      `${path}/attachments/:attachmentId`,
      { schema: { tags, summary: '下载年度报告附件', params: ReportAttachmentParams } },
      async (request, reply) =>
        sendFile(
          reply,
          await getReportAttachmentFile(
            db,
            requireActor(request),
            request.params.orgId,
            request.params.year,
            request.params.attachmentId,
          ),
        ),
    );
    app.delete(
      `${path}/attachments/:attachmentId`,
      {
        schema: {
          tags,
          summary: '删除年度报告附件（本单位）',
          params: ReportAttachmentParams,
          response: { 200: z.object({ deleted: z.literal(true) }) },
        },
      },
      async (request) =>
        deleteReportAttachmentById(
          db,
          requireActor(request),
          request.params.orgId,
          request.params.year,
          request.params.attachmentId,
        ),
    );
  };
}
