import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor, sendFile } from '../../../lib/http.ts';
import { writeSheet } from '../../../lib/xlsx.ts';
import { recordExport } from '../../audit/audit.service.ts';
import { IdParams } from '../archive/officers.schema.ts';
import { buildComplianceSheet, buildTrainingSheet } from '../archive/officers-export.ts';
import { buildTrainingTemplate, importTrainings } from '../archive/officers-import.ts';
import { acceptBinaryBodies, UPLOAD_BODY_LIMIT, XLSX_CONTENT_TYPE } from '../binary-body.ts';
import {
  WorkLogBody,
  WorkLogPage,
  WorkLogQuery,
  WorkLogUpdateBody,
  WorkLogView,
} from '../work-logs/work-logs.schema.ts';
import { createWorkLog, listWorkLogs, updateWorkLog } from '../work-logs/work-logs.service.ts';
import {
  ComplianceQuery,
  ComplianceReport,
  TrainingBody,
  TrainingListQuery,
  TrainingPage,
  TrainingRequirement,
  TrainingView,
} from './training.schema.ts';
import {
  createTraining,
  deleteTraining,
  getMinTrainingHours,
  getTrainingCompliance,
  listAllTrainings,
  listTrainings,
  setMinTrainingHours,
  updateTraining,
} from './training.service.ts';

/** Training records and yearly compliance; officers' work logs (工作记实). */
export function trainingRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptBinaryBodies(app);
    const tags = ['执法培训'];
    app.get(
      '/api/trainings/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出培训记录（与列表相同的筛选）',
          querystring: TrainingListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const items = await listAllTrainings(db, actor, request.query);
        await recordExport(db, actor, { entityType: 'training', rows: items.length, filter: request.query });
        return sendFile(reply, {
          fileName: '培训记录.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildTrainingSheet(items)),
        });
      },
    );
    app.get(
      '/api/trainings/import-template.xlsx',
      { schema: { tags, summary: '培训记录导入模板' } },
      async (request, reply) => {
        requireActor(request);
        return sendFile(reply, {
          fileName: '培训记录导入模板.xlsx',
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildTrainingTemplate()),
        });
      },
    );
    app.post(
      '/api/trainings/import',
      {
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: '导入培训记录（XLSX；全部行无误才写入）',
          consumes: [XLSX_CONTENT_TYPE, 'application/octet-stream'],
          response: { 200: z.object({ trainings: z.number() }) },
        },
      },
      async (request) =>
        importTrainings(
          db,
          requireActor(request),
          Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        ),
    );
    app.get(
      '/api/trainings',
      {
        schema: {
          tags,
          summary: '培训记录列表',
          querystring: TrainingListQuery,
          response: { 200: TrainingPage },
        },
      },
      async (request) => listTrainings(db, requireActor(request), request.query),
    );
    app.post(
      '/api/officers/:id/trainings',
      {
        schema: {
          tags,
          summary: '登记培训',
          params: IdParams,
          body: TrainingBody,
          response: { 201: TrainingView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createTraining(db, requireActor(request), request.params.id, request.body)),
    );
    app.put(
      '/api/trainings/:id',
      {
        schema: {
          tags,
          summary: '修改培训记录',
          params: IdParams,
          body: TrainingBody,
          response: { 200: TrainingView },
        },
      },
      async (request) => updateTraining(db, requireActor(request), request.params.id, request.body),
    );
    app.delete(
      '/api/trainings/:id',
      { schema: { tags, summary: '删除培训记录', params: IdParams } },
      async (request, reply) => {
        await deleteTraining(db, requireActor(request), request.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/trainings/compliance',
      {
        schema: {
          tags,
          summary: '年度培训达标情况（县司法局培训至少 1 次、学时不少于最低要求）',
          querystring: ComplianceQuery,
          response: { 200: ComplianceReport },
        },
      },
      async (request) => getTrainingCompliance(db, requireActor(request), request.query),
    );
    app.get(
      '/api/trainings/compliance.xlsx',
      { schema: { tags, summary: '导出年度培训达标情况（与页面相同的筛选）', querystring: ComplianceQuery } },
      async (request, reply) => {
        const report = await getTrainingCompliance(db, requireActor(request), request.query);
        return sendFile(reply, {
          fileName: `${report.year}年培训达标情况.xlsx`,
          contentType: XLSX_CONTENT_TYPE,
          bytes: await writeSheet(buildComplianceSheet(report)),
        });
      },
    );
    app.get(
      '/api/trainings/requirement',
      { schema: { tags, summary: '年度最低培训学时', response: { 200: TrainingRequirement } } },
      async (request) => ({ minHours: await getMinTrainingHours(db, requireActor(request)) }),
    );
    app.put(
      '/api/trainings/requirement',
      {
        schema: {
          tags,
          summary: '设置年度最低培训学时',
          body: TrainingRequirement,
          response: { 200: TrainingRequirement },
        },
      },
      async (request) => setMinTrainingHours(db, requireActor(request), request.body.minHours),
    );

    const logTags = ['工作记实'];
    app.get(
      '/api/work-logs',
      {
        schema: {
          tags: logTags,
          summary: '工作记实（按人员、按期间）',
          querystring: WorkLogQuery,
          response: { 200: WorkLogPage },
        },
      },
      async (request) => listWorkLogs(db, requireActor(request), request.query),
    );
    app.post(
      '/api/work-logs',
      {
        schema: {
          tags: logTags,
          summary: '填写本人工作记实或小结自评',
          body: WorkLogBody,
          response: { 201: WorkLogView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createWorkLog(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/work-logs/:id',
      {
        schema: {
          tags: logTags,
          summary: '修改本人工作记实',
          params: IdParams,
          body: WorkLogUpdateBody,
          response: { 200: WorkLogView },
        },
      },
      async (request) => updateWorkLog(db, requireActor(request), request.params.id, request.body.content),
    );
  };
}
