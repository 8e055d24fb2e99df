import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { acceptAttachmentBodies, readUploadedFile } from '../../../lib/uploads.ts';
import {
  AttachmentView,
  UPLOAD_CONSUMES,
} from '../../assessment/attachments/assessment-attachments.schema.ts';
import { UnitParams } from '../campaigns/campaigns.schema.ts';
import {
  getRectificationAttachment,
  uploadRectificationAttachment,
} from './rectification-attachments.service.ts';
import {
  RectificationAttachmentParams,
  RectificationBody,
  RectificationDecisionBody,
  RectificationParams,
  UnitRectification,
} from './rectifications.schema.ts';
import { decideRectification, getUnitRectification, submitRectification } from './rectifications.service.ts';

/** Rectification reports within 10 days of the circular (第十七条). */
export function rectificationsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptAttachmentBodies(app, 'file', '整改材料');
    const tags = ['案卷评查'];
    const url = '/api/review-campaigns/:id/units/:orgId/rectification';
    app.get(
      url,
      {
        schema: {
          tags,
          summary: '被评查单位的整改报告与期限',
          params: UnitParams,
          response: { 200: UnitRectification },
        },
      },
      async (request) =>
        getUnitRectification(db, requireActor(request), request.params.id, request.params.orgId),
    );
    app.post(
      url,
      {
        schema: {
          tags,
          summary: '报送整改情况报告（通报发出后 10 日内）',
          params: UnitParams,
          body: RectificationBody,
          response: { 200: UnitRectification },
        },
      },
      async (request) =>
        submitRectification(db, requireActor(request), request.params.id, request.params.orgId, request.body),
    );
    app.post(
      `${url}/:rectificationId/decision`,
      {
        schema: {
          tags,
          summary: '审核整改报告（通过或退回）',
          params: RectificationParams,
          body: RectificationDecisionBody,
          response: { 200: UnitRectification },
        },
      },
      async (request) =>
        decideRectification(
          db,
          requireActor(request),
          request.params.id,
          request.params.orgId,
          request.params.rectificationId,
          request.body,
        ),
    );
    app.post(
      `${url}/:rectificationId/attachments`,
      {
        schema: {
          tags,
          summary:
            '上传整改报告的附件（待审核时；请求体为 PDF/JPEG/PNG 文件，≤10 MB；文件名放在 x-file-name 头，URL 编码）',
          params: RectificationParams,
          consumes: UPLOAD_CONSUMES,
          response: { 201: AttachmentView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await uploadRectificationAttachment(
              db,
              requireActor(request),
              request.params.id,
              request.params.orgId,
              request.params.rectificationId,
              readUploadedFile(request, '整改材料'),
            ),
          ),
    );
    app.get(
      `${url}/:rectificationId/attachments/:attachmentId`,
      { schema: { tags, summary: '下载整改报告的附件', params: RectificationAttachmentParams } },
      async (request, reply) =>
        sendFile(
          reply,
          await getRectificationAttachment(
            db,
            requireActor(request),
            request.params.id,
            request.params.orgId,
            request.params.rectificationId,
            request.params.attachmentId,
          ),
        ),
    );
  };
}
