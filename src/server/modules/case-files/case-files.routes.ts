import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { renderFormDocx } from '../../lib/form.docx.ts';
import { requireActor, sendFile } from '../../lib/http.ts';
import { ATTACHMENT_MAX_BYTES, readUploadedFile } from '../../lib/uploads.ts';
import { buildFileCover } from '../cases/records/case-record.docx.ts';
import { acceptBinaryBodies, DOCX_CONTENT_TYPE, UPLOAD_BODY_LIMIT } from '../officers/binary-body.ts';
import {
  ArchiveBody,
  CaseFileBody,
  CaseFileListPage,
  CaseFileListQuery,
  CaseFileView,
  CodeParams,
  DocumentBody,
  IdParams,
  KindParams,
  KindStandardBody,
  RuleBody,
} from './case-files.schema.ts';
import {
  addAttachment,
  addDocument,
  archiveCaseFile,
  deleteDocument,
  getAttachment,
  getCaseFile,
  listCaseFiles,
  saveCaseFile,
} from './case-files.service.ts';
import {
  listKindStandards,
  listRequirementRules,
  updateKindStandard,
  updateRequirementRule,
} from './requirement-rules.service.ts';

export function caseFilesRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptBinaryBodies(app);
    app.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const tags = ['案卷'];
    app.get(
      '/api/case-files',
      {
        schema: {
          tags,
          summary: '案卷列表（单位、类别、记录表状态、关键词、案卷状态、完整性检查；分页）',
          querystring: CaseFileListQuery,
          response: { 200: CaseFileListPage },
        },
      },
      async (request) => listCaseFiles(db, requireActor(request), request.query),
    );
    app.get(
      '/api/cases/:id/file',
      {
        schema: {
          tags,
          summary: '案卷（封面、卷内文书、完整性检查）',
          params: IdParams,
          response: { 200: CaseFileView },
        },
      },
      async (request) => getCaseFile(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/cases/:id/file/cover.docx',
      { schema: { tags, summary: '案卷封面与卷内目录（Word）', params: IdParams } },
      async (request, reply) => {
        const view = await getCaseFile(db, requireActor(request), request.params.id);
        return sendFile(reply, {
          fileName: '案卷封面与卷内目录.docx',
          contentType: DOCX_CONTENT_TYPE,
          bytes: await renderFormDocx(buildFileCover(view)),
        });
      },
    );
    app.put(
      '/api/cases/:id/file',
      {
        schema: {
          tags,
          summary: '立卷或修改封面、案卷情形',
          params: IdParams,
          body: CaseFileBody,
          response: { 200: CaseFileView },
        },
      },
      async (request) => saveCaseFile(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/cases/:id/file/documents',
      {
        schema: {
          tags,
          summary: '添加卷内文书',
          params: IdParams,
          body: DocumentBody,
          response: { 201: CaseFileView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addDocument(db, requireActor(request), request.params.id, request.body)),
    );
    app.delete(
      '/api/file-documents/:id',
      { schema: { tags, summary: '删除卷内文书', params: IdParams } },
      async (request, reply) => {
        await deleteDocument(db, requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/file-documents/:id/attachments',
      {
        bodyLimit: ATTACHMENT_MAX_BYTES + 1024,
        schema: {
          tags,
          summary: '上传证据附件（请求体为 PDF/JPEG/PNG 文件，≤10 MB；文件名放在 x-file-name 头，URL 编码）',
          params: IdParams,
          consumes: ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
          response: {
            201: z.object({
              id: z.number(),
              contentType: z.string(),
              sizeBytes: z.number(),
              sha256: z.string(),
            }),
          },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send(await addAttachment(db, requireActor(request), request.params.id, readUploadedFile(request)));
      },
    );
    app.get(
      '/api/file-attachments/:id',
      { schema: { tags, summary: '下载证据附件', params: IdParams } },
      async (request, reply) => {
        const file = await getAttachment(db, requireActor(request), request.params.id);
        return sendFile(reply, file);
      },
    );
    app.post(
      '/api/cases/:id/file/archive',
      {
        schema: {
          tags,
          summary: '归档（检查通过，或法制人员注明理由）',
          params: IdParams,
          body: ArchiveBody,
          response: { 200: CaseFileView },
        },
      },
      async (request) =>
        archiveCaseFile(db, requireActor(request), request.params.id, request.body.overrideReason),
    );
    app.get(
      '/api/file-requirement-rules',
      { schema: { tags, summary: '卷内文书必备规则' } },
      async (request) => listRequirementRules(db, requireActor(request)),
    );
    app.put(
      '/api/file-requirement-rules/:code',
      { schema: { tags, summary: '修改卷内文书必备规则（系统管理员）', params: CodeParams, body: RuleBody } },
      async (request) =>
        updateRequirementRule(db, requireActor(request), request.params.code, request.body.requiredWhen),
    );
    app.get(
      '/api/file-kind-standards',
      { schema: { tags, summary: '各类案件的案卷是否按规范强制检查（第九条、第十八条）' } },
      async (request) => listKindStandards(db, requireActor(request)),
    );
    app.put(
      '/api/file-kind-standards/:kind',
      {
        schema: {
          tags,
          summary: '设置某类案件的案卷是否按规范强制检查（系统管理员）',
          params: KindParams,
          body: KindStandardBody,
        },
      },
      async (request) =>
        updateKindStandard(db, requireActor(request), request.params.kind, request.body.isBinding),
    );
  };
}
