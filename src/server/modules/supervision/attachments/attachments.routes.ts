import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { acceptAttachmentBodies, readUploadedFile } from '../../../lib/uploads.ts';
import { UPLOAD_CONSUMES } from '../../assessment/attachments/assessment-attachments.schema.ts';
import { SUPERVISION_TAGS } from '../matters/matters.routes.ts';
import { AttachmentView, IdParams } from '../supervision.schema.ts';
import { getAttachmentFile, uploadAttachment } from './attachments.service.ts';

const UPLOAD_NOTE = '请求体为 PDF/JPEG/PNG 文件，≤10 MB；文件名放在 x-file-name 头，URL 编码';

/** Uploads and downloads; its own plugin, so the raw-body parsers apply to these routes only. */
export function supervisionAttachmentsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptAttachmentBodies(app, 'file', '附件');
    const tags = SUPERVISION_TAGS;
    const upload = (
      url: string,
      summary: string,
      ownerType: 'evidence' | 'report_request' | 'referral' | 'rectification',
      noun: string,
    ) =>
      app.post(
        url,
        {
          schema: {
            tags,
            summary: `${summary}（${UPLOAD_NOTE}）`,
            params: IdParams,
            consumes: UPLOAD_CONSUMES,
            response: { 201: AttachmentView },
          },
        },
        async (request, reply) =>
          reply
            .status(201)
            .send(
              await uploadAttachment(
                db,
                requireActor(request),
                ownerType,
                request.params.id,
                readUploadedFile(request),
                noun,
              ),
            ),
      );
    upload('/api/supervision/evidence/:id/attachments', '上传证据材料', 'evidence', '证据材料');
    upload('/api/supervision/report-requests/:id/attachments', '上传报告附件', 'report_request', '报告附件');
    upload('/api/supervision/referrals/:id/attachments', '上传提请附件（现场照片等）', 'referral', '附件');
    upload(
      '/api/supervision/rectifications/:id/attachments',
      '上传落实情况报告附件（审核前）',
      'rectification',
      '报告附件',
    );
    app.get(
      '/api/supervision/attachments/:id',
      { schema: { tags, summary: '下载行政执法监督附件', params: IdParams } },
      async (request, reply) =>
        sendFile(reply, await getAttachmentFile(db, requireActor(request), request.params.id)),
    );
  };
}
