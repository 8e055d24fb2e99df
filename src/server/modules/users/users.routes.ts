import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { requireActor } from '../../lib/http.ts';
import { AccountOfficerBody, AccountOfficerView, setAccountOfficer } from '../officers/officers.public.ts';
import {
  PasswordResetBody,
  UserCreateBody,
  UserIdParams,
  UserListQuery,
  UserPage,
  UserUpdateBody,
  UserView,
} from './users.schema.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.ts';

export function usersRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['账号'];
    app.get(
      '/api/users',
      {
        schema: {
          tags,
          summary: '账号列表（分页、搜索、筛选）',
          querystring: UserListQuery,
          response: { 200: UserPage },
        },
      },
      async (request) => listUsers(db, requireActor(request), request.query),
    );
    app.get(
      '/api/users/:id',
      { schema: { tags, summary: '账号详情', params: UserIdParams, response: { 200: UserView } } },
      async (request) => getUser(db, requireActor(request), request.params.id),
    );
    app.post(
      '/api/users',
      { schema: { tags, summary: '新建账号', body: UserCreateBody, response: { 201: UserView } } },
      async (request, reply) =>
        reply.status(201).send(await createUser(db, requireActor(request), request.body)),
    );
    app.patch(
      '/api/users/:id',
      {
        schema: {
          tags,
          summary: '修改、停用或启用账号',
          params: UserIdParams,
          body: UserUpdateBody,
          response: { 200: UserView },
        },
      },
      async (request) => updateUser(db, requireActor(request), request.params.id, request.body),
    );
    app.put(
      '/api/users/:id/officer',
      {
        schema: {
          tags,
          summary: '关联或解除关联执法人员档案（一名执法人员至多一个账号）',
          params: UserIdParams,
          body: AccountOfficerBody,
          response: { 200: AccountOfficerView },
        },
      },
      async (request) =>
        setAccountOfficer(db, requireActor(request), request.params.id, request.body.officerId),
    );
    app.post(
      '/api/users/:id/reset-password',
      { schema: { tags, summary: '管理员重置密码', params: UserIdParams, body: PasswordResetBody } },
      async (request, reply) => {
        await resetPassword(db, requireActor(request), request.params.id, request.body.newPassword);
        return reply.status(204).send();
      },
    );
  };
}
