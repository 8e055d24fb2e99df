import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { IdParams } from '../campaigns/campaigns.schema.ts';
import {
  AssignmentApplyBody,
  AssignmentList,
  AssignmentPreview,
  MyAssignmentList,
} from './assignments.schema.ts';
import {
  applyAssignment,
  listAssignments,
  listMyAssignments,
  previewAssignment,
} from './assignments.service.ts';

/** Assignment of reviewers to files (第十一条) and the reviewer's own queue. */
export function assignmentsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['案卷评查'];
    app.post(
      '/api/review-campaigns/:id/assignment/preview',
      {
        schema: {
          tags,
          summary: '自动分配预览（与当前分配的差异；不保存）',
          params: IdParams,
          response: { 200: AssignmentPreview },
        },
      },
      async (request) => previewAssignment(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/review-campaigns/:id/assignment',
      {
        schema: {
          tags,
          summary: '确认分配方案（须与预览一致）',
          params: IdParams,
          body: AssignmentApplyBody,
          response: { 200: AssignmentPreview },
        },
      },
      async (request) =>
        applyAssignment(db, requireActor(request), request.params.id, request.body.proposalDigest),
    );
    app.get(
      '/api/review-campaigns/:id/assignments',
      { schema: { tags, summary: '当前分配', params: IdParams, response: { 200: AssignmentList } } },
      async (request) => listAssignments(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/review-assignments/mine',
      {
        schema: { tags, summary: '我的评查任务（仅分配给本人的案卷）', response: { 200: MyAssignmentList } },
      },
      async (request) => listMyAssignments(db, requireActor(request)),
    );
  };
}
