import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInShanghai } from '../../../../common/format.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { recordExport } from '../../audit/audit.service.ts';
import {
  acceptBinaryBodies,
  DOCX_CONTENT_TYPE,
  UPLOAD_BODY_LIMIT,
  XLSX_CONTENT_TYPE,
} from '../binary-body.ts';
import {
  addCertificateReview,
  createCertificate,
  listCertificateWarnings,
  updateCertificate,
} from '../certificates/certificates.service.ts';
import { updateOwnContact } from './officer-contact.service.ts';
import {
  CaseHandlerQuery,
  CaseHandlerVerdictView,
  CertificateCreateBody,
  CertificateReviewBody,
  CertificateUpdateBody,
  CertificateView,
  CertificateWarningQuery,
  CertificateWarningReport,
  HistoryEntry,
  IdParams,
  OfficerContactBody,
  OfficerCreateBody,
  OfficerListQuery,
  OfficerPage,
  OfficerUpdateBody,
  OfficerView,
  PostChangeBody,
  PostChangeView,
  RewardPunishmentView,
} from './officers.schema.ts';
import {
  canHandleCases,
  createOfficer,
  createPostChange,
  getOfficer,
  getOfficerArchiveDocx,
  getOfficerForRead,
  getOfficerHistory,
  getOfficerPhoto,
  getOwnOfficer,
  listAllOfficers,
  listOfficers,
  listPostChanges,
  listRewardPunishments,
  setOfficerPhoto,
  updateOfficer,
} from './officers.service.ts';
import { buildCertificateWarningSheet, buildOfficerSheet } from './officers-export.ts';
import { buildOfficerTemplate, importOfficers } from './officers-import.ts';

export function officersRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptBinaryBodies(app);
    const tags = ['执法人员'];
    app.get(
      '/api/officers',
      {
        schema: {
          tags,
          summary: '执法人员列表（分页、搜索、筛选）',
          querystring: OfficerListQuery,
          response: { 200: OfficerPage },
        },
      },
      async (request) => listOfficers(db, requireActor(request), request.query),
    );
    app.get(
      '/api/officers/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出执法人员列表（与列表相同的筛选）',
          querystring: OfficerListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const items = await listAllOfficers(db, actor, request.query);
        await recordExport(db, actor, { entityType: 'officer', rows: items.length, filter: request.query });
        return sendFile(reply, {
          fileName: '执法人员.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildOfficerSheet(items)),
        });
      },
    );
    app.get(
      '/api/officers/import-template.xlsx',
      { schema: { tags, summary: '执法人员导入模板' } },
      async (request, reply) => {
        requireActor(request);
        return sendFile(reply, {
          fileName: '执法人员导入模板.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildOfficerTemplate()),
        });
      },
    );
    app.post(
      '/api/officers/import',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: '导入执法人员（请求体为 XLSX 文件；全部行无误才写入，否则逐行报告错误）',
          consumes: [XLSX_CONTENT_TYPE, 'application/octet-stream'],
          response: { 200: z.object({ officers: z.number(), certificates: z.number() }) },
        },
      },
      async (request) =>
        importOfficers(
          db,
          requireActor(request),
          Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        ),
    );
    app.get(
      '/api/officers/:id/archive.docx',
      { schema: { tags, summary: '执法业绩档案（Word）', params: IdParams } },
      async (request, reply) => {
        const archive = await getOfficerArchiveDocx(db, requireActor(request), request.params.id);
        return sendFile(reply, {
          fileName: archive.fileName,
          contentType: DOCX_CONTENT_TYPE,
          bytes: archive.bytes,
        });
      },
    );
    app.get(
      '/api/officers/me',
      { schema: { tags, summary: '本人执法人员档案', response: { 200: OfficerView } } },
      async (request) => getOwnOfficer(db, requireActor(request)),
    );
    app.patch(
      '/api/officers/me/contact',
      {
        schema: {
          tags,
          summary: '本人更正联系方式（仅联系电话、电子邮箱）',
          body: OfficerContactBody,
          response: { 200: OfficerView },
        },
      },
      async (request) => updateOwnContact(db, requireActor(request), request.body),
    );
    app.get(
      '/api/officers/:id',
      { schema: { tags, summary: '执法人员档案详情', params: IdParams, response: { 200: OfficerView } } },
      async (request) => getOfficer(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/officers',
      {
        schema: {
          tags,
          summary: '新建执法人员档案',
          body: OfficerCreateBody,
          response: { 201: OfficerView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createOfficer(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/officers/:id',
      {
        schema: {
          tags,
          summary: '修改执法人员档案或状态',
          params: IdParams,
          body: OfficerUpdateBody,
          response: { 200: OfficerView },
        },
      },
      async (request) => updateOfficer(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/officers/:id/history',
      {
        schema: {
          tags,
          summary: '档案变更记录（审计日志）',
          params: IdParams,
          response: { 200: z.array(HistoryEntry) },
        },
      },
      async (request) => getOfficerHistory(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/officers/:id/photo',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: '上传照片（请求体为 JPEG 或 PNG 文件本身，≤ 2 MB）',
          params: IdParams,
          consumes: ['image/jpeg', 'image/png', 'application/octet-stream'],
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        await setOfficerPhoto(db, requireActor(request), request.params.id, body);
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/officers/:id/photo',
      { schema: { tags, summary: '照片', params: IdParams } },
      async (request, reply) => {
        const photo = await getOfficerPhoto(db, requireActor(request), request.params.id);
        return (
          reply
            .header('content-type', photo.contentType)
            .header('cache-control', 'private, no-cache')
            // an <img> shows it; opened directly it is a download that runs nothing, whatever its bytes hold
            .header('content-disposition', 'attachment; filename="photo"')
            .header('content-security-policy', "default-src 'none'; sandbox")
            .send(photo.bytes)
        );
      },
    );
    app.get(
      '/api/officers/:id/case-handler',
      {
        schema: {
          tags,
          summary: '能否作为案件承办人（须在岗且持有效执法证）',
          params: IdParams,
          querystring: CaseHandlerQuery,
          response: { 200: CaseHandlerVerdictView },
        },
      },
      async (request) => {
        await getOfficerForRead(db, requireActor(request), request.params.id);
        const verdict = await canHandleCases(
          db,
          request.params.id,
          request.query.onDate ?? todayInShanghai(new Date()),
        );
        return verdict.ok
          ? { ok: true, reason: null, certificateNumber: verdict.certificateNumber }
          : { ok: false, reason: verdict.reason, certificateNumber: null };
      },
    );
    app.get(
      '/api/officers/:id/rewards-punishments',
      {
        schema: {
          tags,
          summary: '奖惩记录（执法过错认定、责任追究、违法违纪、国家赔偿追偿等）',
          params: IdParams,
          response: { 200: z.array(RewardPunishmentView) },
        },
      },
      async (request) => listRewardPunishments(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/officers/:id/post-changes',
      {
        schema: {
          tags,
          summary: '执法岗位变更记录',
          params: IdParams,
          response: { 200: z.array(PostChangeView) },
        },
      },
      async (request) => listPostChanges(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/officers/:id/post-changes',
      {
        schema: {
          tags,
          summary: '登记执法岗位变更',
          params: IdParams,
          body: PostChangeBody,
          response: { 201: PostChangeView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createPostChange(db, requireActor(request), request.params.id, request.body)),
    );

    const certificateTags = ['行政执法证'];
    app.post(
      '/api/officers/:id/certificates',
      {
        schema: {
          tags: certificateTags,
          summary: '登记行政执法证',
          params: IdParams,
          body: CertificateCreateBody,
          response: { 201: CertificateView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createCertificate(db, requireActor(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/certificates/:id',
      {
        schema: {
          tags: certificateTags,
          summary: '修改、暂扣或注销行政执法证',
          params: IdParams,
          body: CertificateUpdateBody,
          response: { 200: CertificateView },
        },
      },
      async (request) => updateCertificate(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/certificates/:id/reviews',
      {
        schema: {
          tags: certificateTags,
          summary: '登记年审',
          params: IdParams,
          body: CertificateReviewBody,
          response: { 201: CertificateView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addCertificateReview(db, requireActor(request), request.params.id, request.body)),
    );
    app.get(
      '/api/certificates/warnings',
      {
        schema: {
          tags: certificateTags,
          summary: '执法证预警（到期前 90/30 天、已过期、年审逾期）',
          querystring: CertificateWarningQuery,
          response: { 200: CertificateWarningReport },
        },
      },
      async (request) => listCertificateWarnings(db, requireActor(request), request.query),
    );
    app.get(
      '/api/certificates/warnings.xlsx',
      {
        schema: {
          tags: certificateTags,
          summary: '导出执法证预警清单',
          querystring: CertificateWarningQuery,
        },
      },
      async (request, reply) => {
        const report = await listCertificateWarnings(db, requireActor(request), request.query);
        return sendFile(reply, {
          fileName: `执法证预警清单（${report.today}）.xlsx`,
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildCertificateWarningSheet(report)),
        });
      },
    );
  };
}
