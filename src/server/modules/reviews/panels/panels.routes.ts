import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import {
  ConflictList,
  DeclarationBody,
  ExpertCreateBody,
  ExpertList,
  ExpertUpdateBody,
  ExpertView,
  IdParams,
  PanelBody,
  PanelView,
  WaiverBody,
} from './panels.schema.ts';
import {
  addDeclaration,
  createExpert,
  getPanel,
  listConflicts,
  listExperts,
  setPanel,
  updateExpert,
  waiveConflict,
} from './panels.service.ts';

/** Expert pool (第九条), declarations and recusal (第十条), panels (第十二条(二)). */
export function panelsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['案卷评查'];
    app.get(
      '/api/review-experts',
      { schema: { tags, summary: '评查专家库', response: { 200: ExpertList } } },
      async (request) => listExperts(db, requireActor(request)),
    );
    app.post(
      '/api/review-experts',
      {
        schema: {
          tags,
          summary: '选聘评查专家（已有账号，或为外部专家新建评查账号）',
          body: ExpertCreateBody,
          response: { 201: ExpertView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createExpert(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/review-experts/:id',
      {
        schema: {
          tags,
          summary: '修改评查专家',
          params: IdParams,
          body: ExpertUpdateBody,
          response: { 200: ExpertView },
        },
      },
      async (request) => updateExpert(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/review-experts/:id/declarations',
      {
        schema: {
          tags,
          summary: '申报利害关系（本人申报或组织机构登记，第十条）',
          params: IdParams,
          body: DeclarationBody,
          response: { 200: ExpertView },
        },
      },
      async (request) => addDeclaration(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/review-campaigns/:id/panel',
      { schema: { tags, summary: '评查小组成员', params: IdParams, response: { 200: PanelView } } },
      async (request) => getPanel(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/review-campaigns/:id/panel',
      {
        schema: {
          tags,
          summary: '确定评查小组及其评查工作人员（第十二条(二)）',
          params: IdParams,
          body: PanelBody,
          response: { 200: PanelView },
        },
      },
      async (request) => setPanel(db, requireActor(request), request.params.id, request.body.expertIds),
    );
    app.get(
      '/api/review-campaigns/:id/conflicts',
      {
        schema: {
          tags,
          summary: '回避情形（每项附理由）',
          params: IdParams,
          response: { 200: ConflictList },
        },
      },
      async (request) => listConflicts(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/review-campaigns/:id/waivers',
      {
        schema: {
          tags,
          summary: '决定不予回避（须说明理由）',
          params: IdParams,
          body: WaiverBody,
          response: { 200: ConflictList },
        },
      },
      async (request) => waiveConflict(db, requireActor(request), request.params.id, request.body),
    );
  };
}
