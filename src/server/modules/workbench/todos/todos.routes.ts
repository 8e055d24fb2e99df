import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../lib/app-deps.ts';
import { requireActor } from '../../../lib/http.ts';
import { TodoCounts, TodoList, TodoListQuery } from './todos.schema.ts';
import { countTodosOf, listTodos } from './todos.service.ts';

export function todosRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/workbench/todos',
      {
        schema: {
          tags: ['工作台'],
          summary: '我的待办（各模块汇总，按到期日排序，含正常/临期/逾期计数）',
          querystring: TodoListQuery,
          response: { 200: TodoList },
        },
      },
      async (request) => listTodos(db, requireActor(request), request.query),
    );
    app.get(
      '/api/workbench/todos/count',
      {
        schema: { tags: ['工作台'], summary: '待办计数（页眉角标）', response: { 200: TodoCounts } },
      },
      async (request) => countTodosOf(db, requireActor(request)),
    );
  };
}
