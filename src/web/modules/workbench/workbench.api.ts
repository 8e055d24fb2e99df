import type { z } from 'zod';
import type { AnnualReportView } from '../../../server/modules/workbench/annual-report/annual-report.schema.ts';
import type { CockpitView } from '../../../server/modules/workbench/cockpit/cockpit.schema.ts';
import type { TodoCounts, TodoList } from '../../../server/modules/workbench/todos/todos.schema.ts';
import type {
  AlertCounts,
  AlertPage,
  PassResult,
  WarningRuleBody,
  WarningRuleList,
  WarningRuleView,
} from '../../../server/modules/workbench/warnings/warnings.schema.ts';
import { api } from '../../app/api-client.ts';

export type { AlertCounts, TodoCounts, TodoList, WarningRuleBody, WarningRuleView };
export type AlertPageData = z.infer<typeof AlertPage>;
export type AlertItem = AlertPageData['items'][number];
export type WarningRuleListData = z.infer<typeof WarningRuleList>;
export type PassResultData = z.infer<typeof PassResult>;

/** Query-cache prefixes; reading an alert or running the pass invalidates the workbench's. */
export const WORKBENCH_KEY = 'workbench';

export const fetchTodos = () => api.get<TodoList>('/workbench/todos');
export const fetchTodoCounts = () => api.get<TodoCounts>('/workbench/todos/count');
export const fetchAlerts = (query: { state?: string; unread?: boolean; page?: number; pageSize?: number }) =>
  api.get<AlertPageData>('/workbench/alerts', query);
export const fetchAlertCounts = () => api.get<AlertCounts>('/workbench/alerts/count');
export const markAlertRead = (id: number) => api.post<{ ok: true }>(`/workbench/alerts/${id}/read`);
export const fetchWarningRules = () => api.get<WarningRuleListData>('/workbench/warning-rules');
export const updateWarningRule = (id: number, body: WarningRuleBody) =>
  api.put<WarningRuleView>(`/workbench/warning-rules/${id}`, body);
export const runWarningPass = () => api.post<PassResultData>('/workbench/warnings/run');

// 驾驶舱 (issue 17): one aggregate response, its type the server's schema
export type CockpitData = z.infer<typeof CockpitView>;
export const fetchCockpit = (query: { year?: number; quarter?: number; orgId?: number }) =>
  api.get<CockpitData>('/workbench/cockpit', query);

// 行政执法数据年报 (issue 17)
export type AnnualReportData = z.infer<typeof AnnualReportView>;
export const fetchAnnualReport = (query: { year?: number; orgId?: number }) =>
  api.get<AnnualReportData>('/workbench/annual-report', query);
export const submitAnnualReport = (body: { year: number; orgId: number }) =>
  api.post<{ orgId: number; year: number; submittedAt: string }>('/workbench/annual-report/submit', body);
