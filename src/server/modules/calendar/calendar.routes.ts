import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { requireActor } from '../../lib/http.ts';
import {
  DayParams,
  OverrideBody,
  OverrideListQuery,
  OverrideView,
  WorkingDayQuery,
  WorkingDayView,
} from './calendar.schema.ts';
import { listOverrides, loadWorkCalendar, removeOverride, setOverride } from './calendar.service.ts';

export function calendarRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['工作日历'];
    app.get(
      '/api/calendar/overrides',
      {
        schema: {
          tags,
          summary: '工作日调整列表',
          querystring: OverrideListQuery,
          response: { 200: z.array(OverrideView) },
        },
      },
      async (request) => {
        requireActor(request);
        return listOverrides(db, request.query.year);
      },
    );
    app.put(
      '/api/calendar/overrides/:day',
      {
        schema: {
          tags,
          summary: '设置某日是否为工作日',
          params: DayParams,
          body: OverrideBody,
          response: { 200: OverrideView },
        },
      },
      async (request) => setOverride(db, requireActor(request), request.params.day, request.body),
    );
    app.delete(
      '/api/calendar/overrides/:day',
      { schema: { tags, summary: '删除工作日调整', params: DayParams } },
      async (request, reply) => {
        await removeOverride(db, requireActor(request), request.params.day);
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/calendar/working-day',
      {
        schema: {
          tags,
          summary: '查询工作日并推算期限',
          querystring: WorkingDayQuery,
          response: { 200: WorkingDayView },
        },
      },
      async (request) => {
        requireActor(request);
        const calendar = await loadWorkCalendar(db);
        const { date, add } = request.query;
        return {
          date,
          isWorkingDay: calendar.isWorkingDay(date),
          dueOn: calendar.addWorkingDays(date, add),
          isYearKnown: calendar.isYearKnown(Number(date.slice(0, 4))),
        };
      },
    );
  };
}
