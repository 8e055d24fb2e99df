import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { decideAppeal, listAppeals, submitAppeal } from '../appeals/appeals.service.ts';
import { PeriodParams } from '../periods/periods.schema.ts';
import { getProposalMapping, setProposalMapping } from '../proposals/proposal-mappings.service.ts';
import {
  ProposalMappingBody,
  ProposalMappingQuery,
  ProposalMappingView,
} from '../proposals/proposals.schema.ts';
import { decideProposal, generateProposals } from '../proposals/proposals.service.ts';
import { RecordParams, SubjectParams } from '../records/assessment-records.schema.ts';
import {
  AppealBody,
  AppealListQuery,
  AppealParams,
  DecisionBody,
  ProposalDecisionBody,
  RollUpQuery,
  WhatIfBody,
} from './results.schema.ts';
import { computePeriod, finalisePeriod, getRanking, getScorecard, publishPeriod } from './results.service.ts';
import { getRollUp } from './roll-up.service.ts';
import { runWhatIf } from './what-if.service.ts';

/** Closing a period: compute, publish, appeals, finalise; ranking and scorecards. */
export function assessmentResultsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['绩效考核'];
    app.post(
      '/api/assessment/periods/:id/compute',
      {
        schema: { tags, summary: '计分（得分、等次、排名、比例控制、一票否决及说明）', params: PeriodParams },
      },
      async (request) => computePeriod(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/assessment/periods/:id/publish',
      { schema: { tags, summary: '公示考核结果，开启申诉期', params: PeriodParams } },
      async (request) => publishPeriod(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/assessment/periods/:id/finalise',
      { schema: { tags, summary: '定档（结果冻结）', params: PeriodParams } },
      async (request) => finalisePeriod(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/assessment/periods/:id/results',
      { schema: { tags, summary: '排名表与等次分布', params: PeriodParams } },
      async (request) => getRanking(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/assessment/periods/:id/subjects/:subjectKey/scorecard',
      { schema: { tags, summary: '考核对象成绩单及得分说明', params: SubjectParams } },
      async (request) =>
        getScorecard(db, requireActor(request), request.params.id, request.params.subjectKey),
    );
    app.get(
      '/api/assessment/periods/:id/appeals',
      { schema: { tags, summary: '申诉列表（分页）', params: PeriodParams, querystring: AppealListQuery } },
      async (request) => listAppeals(db, requireActor(request), request.params.id, request.query),
    );
    app.post(
      '/api/assessment/periods/:id/subjects/:subjectKey/appeals',
      {
        schema: {
          tags,
          summary: '提出申诉（公示之日起 N 个工作日内）',
          params: SubjectParams,
          body: AppealBody,
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await submitAppeal(
              db,
              requireActor(request),
              request.params.id,
              request.params.subjectKey,
              request.body,
            ),
          ),
    );
    app.post(
      '/api/assessment/periods/:id/appeals/:appealId/decision',
      { schema: { tags, summary: '申诉决定（领导小组）', params: AppealParams, body: DecisionBody } },
      async (request) =>
        decideAppeal(db, requireActor(request), request.params.id, request.params.appealId, request.body),
    );
    app.post(
      '/api/assessment/periods/:id/proposals/generate',
      { schema: { tags, summary: '根据已有数据自动生成待确认的考核记录', params: PeriodParams } },
      async (request) => generateProposals(db, requireActor(request), request.params.id),
    );
    app.get(
      '/api/assessment/proposal-mapping',
      {
        schema: {
          tags,
          summary: '自动提议对应的考核项目（本县设置，列出各项目的原文）',
          querystring: ProposalMappingQuery,
          response: { 200: ProposalMappingView },
        },
      },
      async (request) => getProposalMapping(db, requireActor(request), request.query.schemeVersionId),
    );
    app.put(
      '/api/assessment/proposal-mapping',
      {
        schema: {
          tags,
          summary: '设置某类数据提议到哪个考核项目（不提议则在看板上列出供判断）',
          body: ProposalMappingBody,
          response: { 200: ProposalMappingView },
        },
      },
      async (request) => setProposalMapping(db, requireActor(request), request.body),
    );
    app.post(
      '/api/assessment/periods/:id/proposals/:recordId/decision',
      { schema: { tags, summary: '确认或不采纳自动提议', params: RecordParams, body: ProposalDecisionBody } },
      async (request) =>
        decideProposal(db, requireActor(request), request.params.id, request.params.recordId, request.body),
    );
    app.post(
      '/api/assessment/periods/:id/what-if',
      {
        schema: {
          tags,
          summary: '试算：改参数或方案草稿，对比等次变化（不保存）',
          params: PeriodParams,
          body: WhatIfBody,
        },
      },
      async (request) => runWhatIf(db, requireActor(request), request.params.id, request.body),
    );
    app.get(
      '/api/assessment/roll-up',
      { schema: { tags, summary: '季度汇总为年度（半年）结果', querystring: RollUpQuery } },
      async (request) => getRollUp(db, requireActor(request), request.query),
    );
  };
}
