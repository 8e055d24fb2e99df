import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayInShanghai } from '../../../../common/format.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import { IdParams } from '../coordination.schema.ts';
import {
  CircularEditBody,
  CircularGenerateBody,
  CircularList,
  CircularListQuery,
  CircularView,
  MatterBody,
  MatterExportQuery,
  MatterList,
  MatterListQuery,
  MatterMeetingBody,
  MatterResolveBody,
  MatterView,
} from './matters.schema.ts';
import {
  circularDocx,
  createMatter,
  editCircular,
  exportMatters,
  generateCircular,
  listCirculars,
  listMatters,
  recordMatterMeeting,
  resolveMatter,
  submitCircular,
} from './matters.service.ts';

const today = () => todayInShanghai(new Date());

/** 重大事项协调与定期通报 (协调监督办法第九条). */
export function mattersRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['行政执法协调'];
    const base = '/api/coordination/matters';
    app.get(
      base,
      {
        schema: {
          tags,
          summary: '重大疑难事项台账',
          querystring: MatterListQuery,
          response: { 200: MatterList },
        },
      },
      async (request) => listMatters(db, requireActor(request), request.query),
    );
    app.get(
      `${base}/export.xlsx`,
      { schema: { tags, summary: '导出重大疑难事项台账', querystring: MatterExportQuery } },
      async (request, reply) =>
        sendFile(reply, {
          fileName: '重大疑难事项台账.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(await exportMatters(db, requireActor(request), request.query)),
        }),
    );
    app.post(
      base,
      { schema: { tags, summary: '登记重大疑难事项', body: MatterBody, response: { 201: MatterView } } },
      async (request, reply) =>
        reply.status(201).send(await createMatter(db, requireActor(request), request.body, today())),
    );
    app.post(
      `${base}/:id/meetings`,
      {
        schema: {
          tags,
          summary: '记录研究会议',
          params: IdParams,
          body: MatterMeetingBody,
          response: { 200: MatterView },
        },
      },
      async (request) =>
        recordMatterMeeting(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/resolve`,
      {
        schema: {
          tags,
          summary: '登记协调处理结果',
          params: IdParams,
          body: MatterResolveBody,
          response: { 200: MatterView },
        },
      },
      async (request) => resolveMatter(db, requireActor(request), request.params.id, request.body, today()),
    );
    const circulars = '/api/coordination/circulars';
    app.get(
      circulars,
      {
        schema: {
          tags,
          summary: '定期通报',
          querystring: CircularListQuery,
          response: { 200: CircularList },
        },
      },
      async (request) => listCirculars(db, requireActor(request), request.query),
    );
    app.post(
      circulars,
      {
        schema: {
          tags,
          summary: '按期间生成定期通报草稿（案件、争议、联合执法、重大事项、衔接）',
          body: CircularGenerateBody,
          response: { 201: CircularView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await generateCircular(db, requireActor(request), request.body, today())),
    );
    app.put(
      `${circulars}/:id`,
      {
        schema: {
          tags,
          summary: '修改通报草稿',
          params: IdParams,
          body: CircularEditBody,
          response: { 200: CircularView },
        },
      },
      async (request) => editCircular(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      `${circulars}/:id/submit`,
      { schema: { tags, summary: '通报送签', params: IdParams, response: { 200: CircularView } } },
      async (request) => submitCircular(db, requireActor(request), request.params.id),
    );
    app.get(
      `${circulars}/:id/docx`,
      { schema: { tags, summary: '定期通报 Word（草稿可下载修改）', params: IdParams } },
      async (request, reply) => {
        const file = await circularDocx(db, requireActor(request), request.params.id, today());
        return sendFile(reply, {
          fileName: file.fileName,
          contentType: DOCX_CONTENT_TYPE,
          bytes: file.bytes,
        });
      },
    );
  };
}
