import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayInShanghai } from '../../../../common/format.ts';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { XLSX_CONTENT_TYPE } from '../../officers/binary-body.ts';
import { IdParams } from '../coordination.schema.ts';
import {
  LiaisonBody,
  LiaisonExportQuery,
  LiaisonList,
  LiaisonListQuery,
  LiaisonOutcomeBody,
  LiaisonReceiptBody,
  LiaisonView,
} from './liaison.schema.ts';
import {
  createLiaison,
  exportLiaisons,
  listLiaisons,
  recordLiaisonOutcome,
  recordLiaisonReceipt,
} from './liaison.service.ts';

const today = () => todayInShanghai(new Date());

/** 工作衔接 (协调监督办法第十条): case transfers, issue reports, information exchanges. */
export function liaisonRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['行政执法协调'];
    const base = '/api/coordination/liaison';
    app.get(
      base,
      {
        schema: {
          tags,
          summary: '工作衔接台账（案件移送、问题反映、信息交流）',
          querystring: LiaisonListQuery,
          response: { 200: LiaisonList },
        },
      },
      async (request) => listLiaisons(db, requireActor(request), request.query, today()),
    );
    app.get(
      `${base}/export.xlsx`,
      { schema: { tags, summary: '导出工作衔接台账', querystring: LiaisonExportQuery } },
      async (request, reply) =>
        sendFile(reply, {
          fileName: '工作衔接台账.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(await exportLiaisons(db, requireActor(request), request.query, today())),
        }),
    );
    app.post(
      base,
      { schema: { tags, summary: '登记衔接事项', body: LiaisonBody, response: { 201: LiaisonView } } },
      async (request, reply) =>
        reply.status(201).send(await createLiaison(db, requireActor(request), request.body, today())),
    );
    app.post(
      `${base}/:id/receipt`,
      {
        schema: {
          tags,
          summary: '登记接收回执',
          params: IdParams,
          body: LiaisonReceiptBody,
          response: { 200: LiaisonView },
        },
      },
      async (request) =>
        recordLiaisonReceipt(db, requireActor(request), request.params.id, request.body, today()),
    );
    app.post(
      `${base}/:id/outcome`,
      {
        schema: {
          tags,
          summary: '登记办理结果（办结）',
          params: IdParams,
          body: LiaisonOutcomeBody,
          response: { 200: LiaisonView },
        },
      },
      async (request) =>
        recordLiaisonOutcome(db, requireActor(request), request.params.id, request.body, today()),
    );
  };
}
