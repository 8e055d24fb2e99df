import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import {
  AlertCounts,
  AlertListQuery,
  AlertPage,
  PassResult,
  RuleIdParams,
  WarningRuleBody,
  WarningRuleList,
  WarningRuleView,
} from './warnings.schema.ts';
import {
  countAlerts,
  listAlerts,
  listRules,
  markAlertRead,
  runPassNow,
  updateRule,
} from './warnings.service.ts';

const tags = ['工作台'];

export function warningsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/workbench/warning-rules',
      {
        schema: {
          tags,
          summary: '本县预警规则（指标、阈值、级别、接收人、启用）',
          response: { 200: WarningRuleList },
        },
      },
      async (request) => listRules(db, requireActor(request)),
    );
    app.put(
      '/api/workbench/warning-rules/:id',
      {
        schema: {
          tags,
          summary: '修改预警规则',
          params: RuleIdParams,
          body: WarningRuleBody,
          response: { 200: WarningRuleView },
        },
      },
      async (request) => updateRule(db, requireActor(request), request.params.id, request.body),
    );
    app.post(
      '/api/workbench/warnings/run',
      { schema: { tags, summary: '立即运行本县预警检查', response: { 200: PassResult } } },
      async (request) => runPassNow(db, requireActor(request)),
    );
    app.get(
      '/api/workbench/alerts',
      {
        schema: {
          tags,
          summary: '我的预警（按接收角色和范围）',
          querystring: AlertListQuery,
          response: { 200: AlertPage },
        },
      },
      async (request) => listAlerts(db, requireActor(request), request.query),
    );
    app.get(
      '/api/workbench/alerts/count',
      { schema: { tags, summary: '未读预警计数（页眉角标）', response: { 200: AlertCounts } } },
      async (request) => countAlerts(db, requireActor(request)),
    );
    app.post(
      '/api/workbench/alerts/:id/read',
      {
        schema: {
          tags,
          summary: '标记预警已读（已读回执）',
          params: RuleIdParams,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => markAlertRead(db, requireActor(request), request.params.id),
    );
  };
}
