import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { FileParams, IdParams, UnitParams } from '../campaigns/campaigns.schema.ts';
import {
  Article19Body,
  Article19View,
  CampaignBoard,
  ExemplaryBody,
  ExemplaryView,
  FailingOfficerList,
  FailingOfficersQuery,
  FilesReturnedBody,
  ShowcaseList,
  UnitResults,
} from './results.schema.ts';
import {
  getBoard,
  getUnitResults,
  listFailingOfficers,
  listShowcase,
  markArticle19,
  markExemplary,
  publishCampaign,
  recordFilesReturned,
} from './results.service.ts';

/** Publication and results (第十二条(六)(九)), showcase and failing files (第十七–十九条). */
export function resultsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['案卷评查'];
    app.get(
      '/api/review-campaigns/:id/board',
      {
        schema: {
          tags,
          summary: '评查活动看板（按单位）',
          params: IdParams,
          response: { 200: CampaignBoard },
        },
      },
      async (request) => getBoard(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/review-campaigns/:id/publish',
      {
        schema: {
          tags,
          summary: '发布评查结果（有未评完或未复评的案卷时拒绝）',
          params: IdParams,
          response: { 200: CampaignBoard },
        },
      },
      async (request) => publishCampaign(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/review-campaigns/:id/units/:orgId/results',
      {
        schema: {
          tags,
          summary: '被评查单位的评查结果（单位在发布后可见）',
          params: UnitParams,
          response: { 200: UnitResults },
        },
      },
      async (request) => getUnitResults(db, requireActor(request), request.params.id, request.params.orgId),
    );
    app.post(
      '/api/review-campaigns/:id/units/:orgId/files-returned',
      {
        schema: {
          tags,
          summary: '登记案卷已退回被评查单位（第十二条(九)）',
          params: UnitParams,
          body: FilesReturnedBody,
          response: { 200: CampaignBoard },
        },
      },
      async (request) =>
        recordFilesReturned(db, requireActor(request), request.params.id, request.params.orgId, request.body),
    );
    app.put(
      '/api/review-campaigns/:id/files/:fileId/exemplary',
      {
        schema: {
          tags,
          summary: '列为（或取消）优秀案卷（第十八条）',
          params: FileParams,
          body: ExemplaryBody,
          response: { 200: ExemplaryView },
        },
      },
      async (request) =>
        markExemplary(db, requireActor(request), request.params.id, request.params.fileId, request.body),
    );
    app.put(
      '/api/review-campaigns/:id/files/:fileId/article19',
      {
        schema: {
          tags,
          summary: '标记第十九条情形，可生成监督通知书草稿',
          params: FileParams,
          body: Article19Body,
          response: { 200: Article19View },
        },
      },
      async (request) =>
        markArticle19(db, requireActor(request), request.params.id, request.params.fileId, request.body),
    );
    app.get(
      '/api/review-campaigns/:id/failing-officers',
      {
        schema: {
          tags,
          summary: '承办不合格案卷较多的执法人员和法制审核人员（第十八条）',
          params: IdParams,
          querystring: FailingOfficersQuery,
          response: { 200: FailingOfficerList },
        },
      },
      async (request) =>
        listFailingOfficers(db, requireActor(request), request.params.id, request.query.threshold),
    );
    app.get(
      '/api/review-showcase',
      { schema: { tags, summary: '优秀案卷展示（当事人已隐去）', response: { 200: ShowcaseList } } },
      async (request) => listShowcase(db, requireActor(request)),
    );
  };
}
