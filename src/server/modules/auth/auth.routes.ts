import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../lib/app-deps.ts';
import { requireActor, SESSION_COOKIE } from '../../lib/http.ts';
import { PasswordChangeBody, UserView } from '../users/users.schema.ts';
import { LoginBody, MeView } from './auth.schema.ts';
import { changeOwnPassword, getMe, login, logout, SESSION_TTL_MS } from './auth.service.ts';

/** Login attempts per IP per minute, on top of the per-account lockout. */
const LOGIN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

export function authRoutes({ db, config }: AppDeps): FastifyPluginAsyncZod {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
    signed: true,
    maxAge: SESSION_TTL_MS / 1000,
  } as const;

  return async (app) => {
    const tags = ['登录与会话'];
    app.post(
      '/api/auth/login',
      {
        config: { rateLimit: LOGIN_RATE_LIMIT },
        schema: { tags, summary: '登录', body: LoginBody, response: { 200: z.object({ user: UserView }) } },
      },
      async (request, reply) => {
        const { token, user } = await login(db, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        return { user };
      },
    );
    app.post(
      '/api/auth/logout',
      { schema: { tags, summary: '退出登录（服务器端结束会话）' } },
      async (request, reply) => {
        if (request.sessionToken) await logout(db, request.sessionToken, request.actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
    app.get(
      '/api/auth/me',
      { schema: { tags, summary: '当前用户', response: { 200: MeView } } },
      async (request) => {
        const actor = requireActor(request);
        return { ...(await getMe(db, actor)), scopePaths: actor.scopePaths };
      },
    );
    app.post(
      '/api/auth/password',
      {
        config: { rateLimit: LOGIN_RATE_LIMIT },
        schema: { tags, summary: '修改本人密码', body: PasswordChangeBody },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // A fresh token: every other session of this user ends with the password change.
        const token = randomBytes(32).toString('base64url');
        await changeOwnPassword(db, actor, { ...request.body, keepToken: token });
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        return reply.status(204).send();
      },
    );
  };
}
