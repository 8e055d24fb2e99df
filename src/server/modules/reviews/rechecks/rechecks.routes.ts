import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { IdParams } from '../campaigns/campaigns.schema.ts';
import { decideObjection, fileObjection, listObjections } from './objections.service.ts';
import {
  AssignmentAddBody,
  AssignmentChangeList,
  AssignmentParams,
  AssignmentRemoveBody,
  FileHistory,
  FileHistoryParams,
  ObjectionBody,
  ObjectionDecisionBody,
  ObjectionList,
  ObjectionParams,
  RecheckBody,
} from './rechecks.schema.ts';
import {
  addAssignment,
  assignRecheck,
  getChangeHistory,
  getFileHistory,
  removeAssignment,
} from './rechecks.service.ts';

/** 复评 (第十二条(五)), manual assignment changes (第十一条) and objections (重点复核, 第十二条(七)). */
export function rechecksRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['案卷评查'];
    app.post(
      '/api/review-campaigns/:id/rechecks',
      {
        schema: {
          tags,
          summary: '安排复评（另一名无利害冲突的评查人员；其评分为最终结果）',
          params: IdParams,
          body: RecheckBody,
          response: { 200: FileHistory },
        },
      },
      async (request) => assignRecheck(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/review-campaigns/:id/files/:fileId/history',
      {
        schema: {
          tags,
          summary: '案卷评分、复评、调整与异议的全部记录',
          params: FileHistoryParams,
          response: { 200: FileHistory },
        },
      },
      async (request) => getFileHistory(db, requireActor(request), request.params.id, request.params.fileId),
    );
    app.post(
      '/api/review-campaigns/:id/assignments',
      {
        schema: {
          tags,
          summary: '人工增派评查人员（不符合规则时说明哪条）',
          params: IdParams,
          body: AssignmentAddBody,
          response: { 200: AssignmentChangeList },
        },
      },
      async (request) => addAssignment(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/review-campaigns/:id/assignments/:assignmentId/remove',
      {
        schema: {
          tags,
          summary: '撤回评查人员（不符合规则时说明哪条）',
          params: AssignmentParams,
          body: AssignmentRemoveBody,
          response: { 200: AssignmentChangeList },
        },
      },
      async (request) =>
        removeAssignment(
          db,
          requireActor(request),
          request.params.id,
          request.params.assignmentId,
          request.body,
        ),
    );
    app.get(
      '/api/review-campaigns/:id/assignment-changes',
      {
        schema: {
          tags,
          summary: '分配的人工调整记录',
          params: IdParams,
          response: { 200: AssignmentChangeList },
        },
      },
      async (request) => getChangeHistory(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/review-campaigns/:id/objections',
      {
        schema: { tags, summary: '异议（重点复核）', params: IdParams, response: { 200: ObjectionList } },
      },
      async (request) => listObjections(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/review-campaigns/:id/objections',
      {
        schema: {
          tags,
          summary: '被评查单位提出异议（异议期内）',
          params: IdParams,
          body: ObjectionBody,
          response: { 200: ObjectionList },
        },
      },
      async (request) => fileObjection(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/review-campaigns/:id/objections/:objectionId/decision',
      {
        schema: {
          tags,
          summary: '复核决定（采纳并改分，或不予采纳并说明理由）',
          params: ObjectionParams,
          body: ObjectionDecisionBody,
          response: { 200: ObjectionList },
        },
      },
      async (request) =>
        decideObjection(
          db,
          requireActor(request),
          request.params.id,
          request.params.objectionId,
          request.body,
        ),
    );
  };
}
