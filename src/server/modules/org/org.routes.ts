import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../lib/access.ts';
import type { AppDeps } from '../../lib/app-deps.ts';
import { requireActor } from '../../lib/http.ts';
import {
  OrgCreateBody,
  OrgIdParams,
  OrgListQuery,
  OrgMoveBody,
  OrgUpdateBody,
  OrgView,
} from './org.schema.ts';
import {
  createOrg,
  deleteOrg,
  getOrgInScope,
  listOrgs,
  moveOrg,
  presentOrg,
  updateOrg,
} from './org.service.ts';
import { getOrgDuties, OrgDutiesBody, OrgDutiesParams, OrgDutiesView, setOrgDuties } from './org-duties.ts';

export function orgRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['机构'];
    app.get(
      '/api/orgs',
      {
        schema: {
          tags,
          summary: '机构列表（按权限范围）',
          querystring: OrgListQuery,
          response: { 200: z.array(OrgView) },
        },
      },
      async (request) => listOrgs(db, requireActor(request), request.query),
    );
    app.get(
      '/api/orgs/:id',
      { schema: { tags, summary: '机构详情', params: OrgIdParams, response: { 200: OrgView } } },
      async (request) => {
        const actor = requireActor(request);
        assertCan(actor, 'org.read');
        return presentOrg(await getOrgInScope(db, actor, request.params.id));
      },
    );
    app.post(
      '/api/orgs',
      { schema: { tags, summary: '新建机构', body: OrgCreateBody, response: { 201: OrgView } } },
      async (request, reply) =>
        reply.status(201).send(await createOrg(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/orgs/:id',
      {
        schema: {
          tags,
          summary: '修改、停用或启用机构',
          params: OrgIdParams,
          body: OrgUpdateBody,
          response: { 200: OrgView },
        },
      },
      async (request) => updateOrg(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/orgs/:id/move',
      {
        schema: {
          tags,
          summary: '调整上级机构',
          params: OrgIdParams,
          body: OrgMoveBody,
          response: { 200: OrgView },
        },
      },
      async (request) => moveOrg(db, requireActor(request), request.params.id, request.body.parentId),
    );
    app.get(
      '/api/orgs/:id/duties',
      {
        schema: {
          tags,
          summary: '机构的执法职责（许可、处罚、强制、检查、征收……）',
          params: OrgDutiesParams,
          response: { 200: OrgDutiesView },
        },
      },
      async (request) => getOrgDuties(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/orgs/:id/duties',
      {
        schema: {
          tags,
          summary: '设置机构的执法职责',
          params: OrgDutiesParams,
          body: OrgDutiesBody,
          response: { 200: OrgDutiesView },
        },
      },
      async (request) => setOrgDuties(db, requireActor(request), request.params.id, request.body),
    );
    app.delete(
      '/api/orgs/:id',
      { schema: { tags, summary: '删除误建的机构（有历史数据的只能停用）', params: OrgIdParams } },
      async (request, reply) => {
        await deleteOrg(db, requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
