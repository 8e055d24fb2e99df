import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { IdParams } from '../campaigns/campaigns.schema.ts';
import { AssignedFileView, AssignmentParams, FileScoreList, SheetBody, SheetView } from './scoring.schema.ts';
import { getAssignedFile, getSheet, listFileScores, saveSheet } from './scoring.service.ts';

/** Blind score sheets (第十条) and the organiser's file scores (第十六条, 第十二条(五)). */
export function scoringRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['案卷评查'];
    app.get(
      '/api/review-assignments/:id/sheet',
      {
        schema: {
          tags,
          summary: '我的评分表（提交前看不到他人评分）',
          params: AssignmentParams,
          response: { 200: SheetView },
        },
      },
      async (request) => getSheet(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/review-assignments/:id/file',
      {
        schema: {
          tags,
          summary: '被评案卷的封面和卷内目录（只读，仅限本人的评查任务）',
          params: AssignmentParams,
          response: { 200: AssignedFileView },
        },
      },
      async (request) => getAssignedFile(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/review-assignments/:id/sheet',
      {
        schema: {
          tags,
          summary: '保存或提交签名评分表（提交后不能修改）',
          params: AssignmentParams,
          body: SheetBody,
          response: { 200: SheetView },
        },
      },
      async (request) => saveSheet(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/review-campaigns/:id/scores',
      {
        schema: {
          tags,
          summary: '案卷得分、等次与复评标记',
          params: IdParams,
          response: { 200: FileScoreList },
        },
      },
      async (request) => listFileScores(db, requireActor(request), request.params.id),
    );
  };
}
