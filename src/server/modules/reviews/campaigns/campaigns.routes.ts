import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import {
  CampaignCreateBody,
  CampaignListQuery,
  CampaignPage,
  CampaignView,
  DrawApplyBody,
  DrawParamsPath,
  DrawPreview,
  DrawPreviewBody,
  DrawVerify,
  FileAddBody,
  FileListBody,
  FileParams,
  FileRemoveBody,
  IdParams,
  LitigationBody,
  LitigationView,
  ReviewFileList,
  UnitFileList,
  UnitParams,
} from './campaigns.schema.ts';
import {
  createCampaign,
  getCampaign,
  getUnitFileList,
  listCampaigns,
  submitUnitFileList,
} from './campaigns.service.ts';
import {
  addReviewFile,
  applyDraw,
  listReviewFiles,
  previewDraw,
  removeReviewFile,
  verifyDraw,
} from './draw.service.ts';
import { getLitigation, setLitigation } from './litigation.service.ts';

/** Campaigns, file lists, the seeded draw and the files in review (第四、八、十二条(一)、二十条). */
export function campaignsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['案卷评查'];
    app.get(
      '/api/review-campaigns',
      {
        schema: {
          tags,
          summary: '评查活动列表（分页；年度、状态、名称筛选）',
          querystring: CampaignListQuery,
          response: { 200: CampaignPage },
        },
      },
      async (request) => listCampaigns(db, requireActor(request), request.query),
    );
    app.post(
      '/api/review-campaigns',
      {
        schema: {
          tags,
          summary: '制订评查方案、创建评查活动（第十二条(一)）',
          body: CampaignCreateBody,
          response: { 201: CampaignView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createCampaign(db, requireActor(request), request.body)),
    );
    app.get(
      '/api/review-campaigns/:id',
      { schema: { tags, summary: '评查活动详情', params: IdParams, response: { 200: CampaignView } } },
      async (request) => getCampaign(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/review-campaigns/:id/units/:orgId/file-list',
      {
        schema: {
          tags,
          summary: '被评查单位的案卷目录（范围内案件与已报送目录）',
          params: UnitParams,
          response: { 200: UnitFileList },
        },
      },
      async (request) => getUnitFileList(db, requireActor(request), request.params.id, request.params.orgId),
    );
    app.post(
      '/api/review-campaigns/:id/units/:orgId/file-list',
      {
        schema: {
          tags,
          summary: '如实上报案卷目录（第二十条）',
          params: UnitParams,
          body: FileListBody,
          response: { 200: CampaignView },
        },
      },
      async (request) =>
        submitUnitFileList(db, requireActor(request), request.params.id, request.params.orgId, request.body),
    );
    app.post(
      '/api/review-campaigns/:id/draw/preview',
      {
        schema: {
          tags,
          summary: '随机抽取预览（不保存）',
          params: IdParams,
          body: DrawPreviewBody,
          response: { 200: DrawPreview },
        },
      },
      async (request) => previewDraw(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/review-campaigns/:id/draw',
      {
        schema: {
          tags,
          summary: '确认随机抽取（种子、参数与可抽取范围摘要均记录）',
          params: IdParams,
          body: DrawApplyBody,
          response: { 200: DrawPreview },
        },
      },
      async (request) => applyDraw(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/review-campaigns/:id/draws/:drawId/verify',
      {
        schema: {
          tags,
          summary: '按记录的种子重新运行抽取并核对结果',
          params: DrawParamsPath,
          response: { 200: DrawVerify },
        },
      },
      async (request) => verifyDraw(db, requireActor(request), request.params.id, request.params.drawId),
    );
    app.get(
      '/api/review-campaigns/:id/files',
      {
        schema: {
          tags,
          summary: '评查案卷（含移出记录）与抽取记录',
          params: IdParams,
          response: { 200: ReviewFileList },
        },
      },
      async (request) => listReviewFiles(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/review-campaigns/:id/files',
      {
        schema: {
          tags,
          summary: '人工增补评查案卷（须说明理由）',
          params: IdParams,
          body: FileAddBody,
          response: { 200: ReviewFileList },
        },
      },
      async (request) => addReviewFile(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/review-campaigns/:id/files/:fileId/remove',
      {
        schema: {
          tags,
          summary: '移出评查案卷（须说明理由）',
          params: FileParams,
          body: FileRemoveBody,
          response: { 200: ReviewFileList },
        },
      },
      async (request) =>
        removeReviewFile(
          db,
          requireActor(request),
          request.params.id,
          request.params.fileId,
          request.body.reason,
        ),
    );
    app.get(
      '/api/cases/:id/litigation',
      {
        schema: {
          tags,
          summary: '案件的复议、诉讼标记',
          params: IdParams,
          response: { 200: LitigationView },
        },
      },
      async (request) => getLitigation(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/cases/:id/litigation',
      {
        schema: {
          tags,
          summary: '标记案件进入行政复议或行政诉讼（第四条：一般不纳入评查范围）',
          params: IdParams,
          body: LitigationBody,
          response: { 200: LitigationView },
        },
      },
      async (request) => setLitigation(db, requireActor(request), request.params.id, request.body),
    );
  };
}
