/** Routes of the documents domain: registers, the register book and sign-offs (issue 13). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zIdParam } from '../../../common/validation-zod.ts';
import type { AppDeps } from '../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../lib/http.ts';
import { writeSheet } from '../../lib/xlsx.ts';
import { XLSX_CONTENT_TYPE } from '../officers/binary-body.ts';
import {
  IssuedListQuery,
  IssuedPage,
  RegisterCreateBody,
  RegisterListQuery,
  RegisterUpdateBody,
  RegisterView,
} from './registers/registers.schema.ts';
import {
  createRegister,
  exportIssuedDocuments,
  listIssuedDocuments,
  listRegisters,
  updateRegister,
} from './registers/registers.service.ts';
import {
  ReturnBody,
  SignBody,
  SignersQuery,
  SignerView,
  SignOffListQuery,
  SignOffPage,
  SignOffView,
} from './sign-offs/sign-offs.schema.ts';
import {
  listSigners,
  listSignOffRequests,
  returnSignOff,
  signSignOff,
} from './sign-offs/sign-offs.service.ts';

const IdParams = z.object({ id: zIdParam('编号无效') });

export function documentsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['公文与发文登记'];
    app.get(
      '/api/documents/registers',
      {
        schema: {
          tags,
          summary: '发文登记簿设置（本年度下一个文号）',
          querystring: RegisterListQuery,
          response: { 200: z.array(RegisterView) },
        },
      },
      async (request) => listRegisters(db, requireActor(request), request.query),
    );
    app.post(
      '/api/documents/registers',
      {
        schema: {
          tags,
          summary: '新建发文登记簿',
          body: RegisterCreateBody,
          response: { 201: RegisterView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRegister(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/documents/registers/:id',
      {
        schema: {
          tags,
          summary: '修改发文登记簿（名称、代字、启停用、某年度下一个文号）',
          params: IdParams,
          body: RegisterUpdateBody,
          response: { 200: RegisterView },
        },
      },
      async (request) => updateRegister(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/documents/issued',
      {
        schema: { tags, summary: '发文登记簿', querystring: IssuedListQuery, response: { 200: IssuedPage } },
      },
      async (request) => listIssuedDocuments(db, requireActor(request), request.query),
    );
    app.get(
      '/api/documents/issued/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出发文登记簿（与列表相同的筛选）',
          querystring: IssuedListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) =>
        sendFile(reply, {
          fileName: '发文登记簿.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(await exportIssuedDocuments(db, requireActor(request), request.query)),
        }),
    );
    app.get(
      '/api/documents/sign-offs',
      {
        schema: {
          tags,
          summary: '签发：待我签发（mine）或范围内全部（all）',
          querystring: SignOffListQuery,
          response: { 200: SignOffPage },
        },
      },
      async (request) => listSignOffRequests(db, requireActor(request), request.query),
    );
    app.post(
      '/api/documents/sign-offs/:id/sign',
      { schema: { tags, summary: '签发', params: IdParams, body: SignBody, response: { 200: SignOffView } } },
      async (request) => signSignOff(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/documents/sign-offs/:id/return',
      {
        schema: {
          tags,
          summary: '退回（须填写意见）',
          params: IdParams,
          body: ReturnBody,
          response: { 200: SignOffView },
        },
      },
      async (request) => returnSignOff(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/documents/signers',
      {
        schema: {
          tags,
          summary: '可签发某单位文件的领导',
          querystring: SignersQuery,
          response: { 200: z.array(SignerView) },
        },
      },
      async (request) => listSigners(db, requireActor(request), request.query.orgId),
    );
  };
}
