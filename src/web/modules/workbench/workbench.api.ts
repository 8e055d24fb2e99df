import type { z } from 'zod';
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

export const fetchTodos = () => api.get<TodoList>('/api/workbench/todos');
export const fetchTodoCounts = () => api.get<TodoCounts>('/api/workbench/todos/count');
export const fetchAlerts = (query: { state?: string; unread?: boolean; page?: number; pageSize?: number }) =>
  api.get<AlertPageData>('/api/workbench/alerts', query);
export const fetchAlertCounts = () => api.get<AlertCounts>('/api/workbench/alerts/count');
export const markAlertRead = (id: number) => api.post<{ ok: true }>(`/api/workbench/alerts/${id}/read`);
export const fetchWarningRules = () => api.get<WarningRuleListData>('/api/workbench/warning-rules');
export const updateWarningRule = (id: number, body: WarningRuleBody) =>
  api.put<WarningRuleView>(`/api/workbench/warning-rules/${id}`, body);
export const runWarningPass = () => api.post<PassResultData>('/api/workbench/warnings/run');
