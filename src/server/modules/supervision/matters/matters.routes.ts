import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import { IdParams } from '../supervision.schema.ts';
import { createFocus, listFocus, updateFocus } from './focus.service.ts';
import { buildMatterSheet } from './matters.export.ts';
import {
  FocusBody,
  FocusQuery,
  FocusUpdateBody,
  FocusView,
  MatterCloseBody,
  MatterCreateBody,
  MatterExportQuery,
  MatterListQuery,
  MatterPage,
  MatterUpdateBody,
  MatterView,
} from './matters.schema.ts';
import {
  closeMatter,
  createMatter,
  getMatter,
  listAllMatters,
  listMatters,
  updateMatter,
} from './matters.service.ts';

export const SUPERVISION_TAGS = ['行政执法监督'];

export function mattersRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = SUPERVISION_TAGS;
    app.get(
      '/api/supervision/matters',
      {
        schema: {
          tags,
          summary: '监督事项列表（方式、领域、来源、被监督单位、状态、逾期筛选）',
          querystring: MatterListQuery,
          response: { 200: MatterPage },
        },
      },
      async (request) => listMatters(db, requireActor(request), request.query),
    );
    app.get(
      '/api/supervision/matters/export.xlsx',
      { schema: { tags, summary: '导出监督事项（与列表相同的筛选）', querystring: MatterExportQuery } },
      async (request, reply) =>
        sendFile(reply, {
          fileName: '行政执法监督事项.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(
            buildMatterSheet(await listAllMatters(db, requireActor(request), request.query)),
          ),
        }),
    );
    app.get(
      '/api/supervision/matters/:id',
      { schema: { tags, summary: '监督事项详情', params: IdParams, response: { 200: MatterView } } },
      async (request) => getMatter(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/supervision/matters',
      {
        schema: {
          tags,
          summary: '立项监督事项（第十一、十二条）',
          body: MatterCreateBody,
          response: { 201: MatterView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createMatter(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/supervision/matters/:id',
      {
        schema: {
          tags,
          summary: '修改办理中的监督事项',
          params: IdParams,
          body: MatterUpdateBody,
          response: { 200: MatterView },
        },
      },
      async (request) => updateMatter(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/matters/:id/close',
      {
        schema: {
          tags,
          summary: '办结监督事项',
          params: IdParams,
          body: MatterCloseBody,
          response: { 200: MatterView },
        },
      },
      async (request) => closeMatter(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/supervision/focus',
      {
        schema: {
          tags,
          summary: '年度监督重点（第十二条）',
          querystring: FocusQuery,
          response: { 200: z.array(FocusView) },
        },
      },
      async (request) => listFocus(db, requireActor(request), request.query.year),
    );
    app.post(
      '/api/supervision/focus',
      { schema: { tags, summary: '新增年度监督重点', body: FocusBody, response: { 201: FocusView } } },
      async (request, reply) =>
        reply.status(201).send(await createFocus(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/supervision/focus/:id',
      {
        schema: {
          tags,
          summary: '修改或停用年度监督重点',
          params: IdParams,
          body: FocusUpdateBody,
          response: { 200: FocusView },
        },
      },
      async (request) => updateFocus(db, requireActor(request), request.params.id, request.body),
    );
  };
}
