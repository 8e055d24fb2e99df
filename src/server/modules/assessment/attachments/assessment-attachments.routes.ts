import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { acceptAttachmentBodies, readUploadedFile } from '../../../lib/uploads.ts';
import {
  AppealAttachmentParams,
  AttachmentParams,
  AttachmentView,
  RecordAttachmentParams,
  UPLOAD_CONSUMES,
} from './assessment-attachments.schema.ts';
import {
  deleteAttachment,
  getAttachmentFile,
  uploadAppealAttachment,
  uploadRecordAttachment,
} from './assessment-attachments.service.ts';

/**
 * Evidence files of records and appeal proof. Its own plugin: the raw-body parsers and the
 * oversize-body message apply to these routes only.
 */
export function assessmentAttachmentsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptAttachmentBodies(app, 'file', '文件');
    const tags = ['绩效考核'];
    app.post(
      '/api/assessment/periods/:id/records/:recordId/attachments',
      {
        schema: {
          tags,
          summary:
            '上传考核记录的证据材料（请求体为 PDF/JPEG/PNG 文件，≤10 MB；文件名放在 x-file-name 头，URL 编码）',
          params: RecordAttachmentParams,
          consumes: UPLOAD_CONSUMES,
          response: { 201: AttachmentView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await uploadRecordAttachment(
              db,
              requireActor(request),
              request.params.id,
              request.params.recordId,
              readUploadedFile(request),
            ),
          ),
    );
    app.post(
      '/api/assessment/periods/:id/appeals/:appealId/attachments',
      {
        schema: {
          tags,
          summary:
            '上传申诉的证明材料（申诉人，决定作出前；PDF/JPEG/PNG，≤10 MB；文件名放在 x-file-name 头）',
          params: AppealAttachmentParams,
          consumes: UPLOAD_CONSUMES,
          response: { 201: AttachmentView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await uploadAppealAttachment(
              db,
              requireActor(request),
              request.params.id,
              request.params.appealId,
              readUploadedFile(request),
            ),
          ),
    );
    app.get(
      '/api/assessment/periods/:id/attachments/:attachmentId',
      { schema: { tags, summary: '下载证据材料或申诉证明材料', params: AttachmentParams } },
      async (request, reply) => {
        const file = await getAttachmentFile(
          db,
          requireActor(request),
          request.params.id,
          request.params.attachmentId,
        );
        return sendFile(reply, file);
      },
    );
    app.delete(
      '/api/assessment/periods/:id/attachments/:attachmentId',
      { schema: { tags, summary: '删除证据材料或申诉证明材料（留痕）', params: AttachmentParams } },
      async (request, reply) => {
        await deleteAttachment(db, requireActor(request), request.params.id, request.params.attachmentId);
        return reply.status(204).send();
      },
    );
  };
}
