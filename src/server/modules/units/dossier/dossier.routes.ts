import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import {
  CategoryBody,
  DossierEntryBody,
  DossierEntryView,
  DossierListQuery,
  DossierPage,
  UnitList,
  UnitListQuery,
  UnitParams,
  UnitView,
  YearQuery,
} from '../units.schema.ts';
import { getUnit, listUnits, setUnitCategory } from '../units.service.ts';
import { addDossierEntry, listDossier } from './dossier.service.ts';

/** The unit list, one unit and its 依法行政档案 (seed 002 一(二)、三(二)). */
export function dossierRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['依法行政考核'];
    app.get(
      '/api/units',
      {
        schema: {
          tags,
          summary: '考核单位列表（含本年度档案条数）',
          querystring: UnitListQuery,
          response: { 200: UnitList },
        },
      },
      async (request) => listUnits(db, requireActor(request), request.query),
    );
    app.get(
      '/api/units/:orgId',
      {
        schema: {
          tags,
          summary: '考核单位（类别、系统关联记录、可执行操作）',
          params: UnitParams,
          querystring: YearQuery,
          response: { 200: UnitView },
        },
      },
      async (request) => getUnit(db, requireActor(request), request.params.orgId, request.query.year),
    );
    app.put(
      '/api/units/:orgId/category',
      {
        schema: {
          tags,
          summary: '设置部门类别（县直部门 / 垂直管理单位）',
          params: UnitParams,
          querystring: YearQuery,
          body: CategoryBody,
          response: { 200: UnitView },
        },
      },
      async (request) =>
        setUnitCategory(
          db,
          requireActor(request),
          request.params.orgId,
          request.body.category,
          request.query.year,
        ),
    );
    app.get(
      '/api/units/:orgId/dossier',
      {
        schema: {
          tags,
          summary: '依法行政档案（本年度，分页）',
          params: UnitParams,
          querystring: DossierListQuery,
          response: { 200: DossierPage },
        },
      },
      async (request) => listDossier(db, requireActor(request), request.params.orgId, request.query),
    );
    app.post(
      '/api/units/:orgId/dossier',
      {
        schema: {
          tags,
          summary: '向依法行政档案添加材料（考核机关或本单位）',
          params: UnitParams,
          body: DossierEntryBody,
          response: { 201: DossierEntryView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addDossierEntry(db, requireActor(request), request.params.orgId, request.body)),
    );
  };
}
