import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { PeriodParams } from '../periods/periods.schema.ts';
import { RecordParams } from '../records/assessment-records.schema.ts';
import { getProposalMapping, setProposalMapping } from './proposal-mappings.service.ts';
import {
  ProposalDecisionBody,
  ProposalMappingBody,
  ProposalMappingQuery,
  ProposalMappingView,
} from './proposals.schema.ts';
import { decideProposal, generateProposals } from './proposals.service.ts';

/** Automatic proposals from other domains' facts: generate, the county's mapping, confirm or dismiss. */
export function assessmentProposalsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['绩效考核'];
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
  };
}
