import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { PeriodBoard } from '../board/board.schema.ts';
import { getPeriodBoard } from '../board/board.service.ts';
import { getSchemeVersion, listSchemeVersions, uploadScheme } from '../schemes/schemes.service.ts';
import { SubjectListQuery, SubjectPage } from '../subjects/subjects.schema.ts';
import { getMySubject, listSubjects } from '../subjects/subjects.service.ts';
import {
  GroupOwnerBody,
  PeriodOpenBody,
  PeriodParams,
  PeriodView,
  SchemeUploadBody,
  VersionParams,
} from './periods.schema.ts';
import { getPeriodView, listPeriods, openPeriod, setGroupOwner } from './periods.service.ts';

/** Scheme versions and periods (issue 6, docs/assessment.md). */
export function assessmentPeriodsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['绩效考核'];
    app.get(
      '/api/assessment/schemes',
      { schema: { tags, summary: '考核方案版本（内置方案与本县上传）' } },
      async (request) => listSchemeVersions(db, requireActor(request)),
    );
    app.post(
      '/api/assessment/schemes',
      {
        schema: { tags, summary: '上传考核方案文件（YAML/JSON，校验后存为新版本）', body: SchemeUploadBody },
      },
      async (request, reply) => {
        const version = await uploadScheme(db, requireActor(request), request.body.content);
        return reply.status(version.isNew ? 201 : 200).send(version);
      },
    );
    app.get(
      '/api/assessment/schemes/:id',
      { schema: { tags, summary: '考核方案版本详情（方案全文与考核项目组）', params: VersionParams } },
      async (request) => getSchemeVersion(db, requireActor(request), request.params.id),
    );
    app.get('/api/assessment/periods', { schema: { tags, summary: '考核周期列表' } }, async (request) =>
      listPeriods(db, requireActor(request)),
    );
    app.post(
      '/api/assessment/periods',
      { schema: { tags, summary: '开启考核周期', body: PeriodOpenBody, response: { 201: PeriodView } } },
      async (request, reply) =>
        reply.status(201).send(await openPeriod(db, requireActor(request), request.body)),
    );
    app.get(
      '/api/assessment/periods/:id',
      { schema: { tags, summary: '考核周期详情（含考核项目组及负责科室）', params: PeriodParams } },
      async (request) => getPeriodView(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/assessment/periods/:id/board',
      {
        schema: {
          tags,
          summary: '周期看板：各项目组记录进度、自查自评与测评完成情况、逾期名单',
          params: PeriodParams,
          response: { 200: PeriodBoard },
        },
      },
      async (request) => getPeriodBoard(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/assessment/periods/:id/subjects',
      {
        schema: {
          tags,
          summary: '考核对象列表（分页；按关键词、单位、等次、是否已报送自评筛选）',
          params: PeriodParams,
          querystring: SubjectListQuery,
          response: { 200: SubjectPage },
        },
      },
      async (request) => listSubjects(db, requireActor(request), request.params.id, request.query),
    );
    app.get(
      '/api/assessment/periods/:id/my-subject',
      {
        schema: {
          tags,
          summary: '本人（本单位）在本周期的考核对象、自查自评及预计得分',
          params: PeriodParams,
        },
      },
      async (request) => getMySubject(db, requireActor(request), request.params.id),
    );
    app.put(
      '/api/assessment/periods/:id/group-owners',
      {
        schema: { tags, summary: '指定考核项目组的负责考核科室', params: PeriodParams, body: GroupOwnerBody },
      },
      async (request) => setGroupOwner(db, requireActor(request), request.params.id, request.body),
    );
  };
}
