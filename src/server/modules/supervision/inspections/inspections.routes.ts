import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { SUPERVISION_TAGS } from '../matters/matters.routes.ts';
import { IdParams } from '../supervision.schema.ts';
import {
  EvidenceBody,
  EvidenceView,
  InspectionCreateBody,
  InspectionRecordBody,
  InspectionView,
  ReportReplyBody,
  ReportRequestBody,
  ReportRequestListQuery,
  ReportRequestPage,
  ReportRequestView,
} from './inspections.schema.ts';
import { addEvidence, createInspection, listInspections, recordInspection } from './inspections.service.ts';
import { createReportRequest, listReportRequests, replyReportRequest } from './report-requests.service.ts';

export function inspectionsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = SUPERVISION_TAGS;
    app.get(
      '/api/supervision/matters/:id/inspections',
      {
        schema: {
          tags,
          summary: '监督事项的检查（含监督人员、证据）',
          params: IdParams,
          response: { 200: z.array(InspectionView) },
        },
      },
      async (request) => listInspections(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/supervision/matters/:id/inspections',
      {
        schema: {
          tags,
          summary: '安排检查（现场检查监督人员不少于 2 人，第十四条）',
          params: IdParams,
          body: InspectionCreateBody,
          response: { 201: InspectionView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createInspection(db, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/api/supervision/inspections/:id/record',
      {
        schema: {
          tags,
          summary: '记录检查结果',
          params: IdParams,
          body: InspectionRecordBody,
          response: { 200: InspectionView },
        },
      },
      async (request) => recordInspection(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/supervision/inspections/:id/evidence',
      {
        schema: {
          tags,
          summary: '登记调查取证（第十三条）',
          params: IdParams,
          body: EvidenceBody,
          response: { 201: EvidenceView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addEvidence(db, requireActor(request), request.params.id, request.body)),
    );
    app.get(
      '/api/supervision/report-requests',
      {
        schema: {
          tags,
          summary: '要求报告执法情况（被监督单位的待报告事项）',
          querystring: ReportRequestListQuery,
          response: { 200: ReportRequestPage },
        },
      },
      async (request) => listReportRequests(db, requireActor(request), request.query),
    );
    app.post(
      '/api/supervision/matters/:id/report-requests',
      {
        schema: {
          tags,
          summary: '要求被监督单位报告执法情况（第十三条（一））',
          params: IdParams,
          body: ReportRequestBody,
          response: { 201: ReportRequestView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createReportRequest(db, requireActor(request), request.params.id, request.body)),
    );
    app.post(
      '/api/supervision/report-requests/:id/reply',
      {
        schema: {
          tags,
          summary: '被监督单位报告执法情况',
          params: IdParams,
          body: ReportReplyBody,
          response: { 200: ReportRequestView },
        },
      },
      async (request) => replyReportRequest(db, requireActor(request), request.params.id, request.body),
    );
  };
}
