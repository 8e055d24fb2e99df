import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { AppError } from '../errors.ts';
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
  saveIdempotentResponse,
} from './idempotency.repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the Idempotency-Key this request claimed, released or kept when it answers */
    idempotencyKey: string | null;
  }
}

/** The header a client sends on a creating POST, and the one a replayed answer carries. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Idempotency-Key on JSON POSTs of signed-in accounts (ASVS 2.3 business-logic integrity; issue 11
 * item 13). A client that lost the answer to a write sends it again with the same key:
 * - the first answered 2xx: its answer is replayed (header `idempotent-replayed: true`), no second write;
 * - it failed: nothing was written (each write is one transaction), so the retry runs;
 * - it is still running, or the server died before answering: 409, since running it again could
 *   write twice; the user is told to look whether it was saved;
 * - the same key with another request: 422.
 * Registered before compression so that the answer kept is the JSON text, not its brotli stream.
 */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotencyKey', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined || !request.actor) return;
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key))
      throw new AppError(
        'VALIDATION_FAILED',
        '请求标识（Idempotency-Key）格式不正确：应为 8–100 位字母、数字、- 或 _',
      );
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const claim = await claimIdempotencyKey(db, request.actor.id, key, requestHash);
    if (claim.kind === 'claimed') {
      request.idempotencyKey = key;
      return;
    }
    if (claim.requestHash !== requestHash)
      throw new AppError('IDEMPOTENCY_KEY_REUSED', '该请求标识已用于另一项操作，请刷新页面后重新提交');
    if (claim.statusCode === null || claim.responseBody === null)
      throw new AppError(
        'IDEMPOTENCY_IN_FLIGHT',
        '同一操作正在处理，或上次提交的结果未知：请刷新页面，查看是否已经保存后再决定是否重新提交',
      );
    reply.header(REPLAYED_HEADER, 'true').code(claim.statusCode).type('application/json; charset=utf-8');
    return reply.send(claim.responseBody);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (key === null || !request.actor) return payload;
    request.idempotencyKey = null;
    const isSuccess = reply.statusCode >= 200 && reply.statusCode < 300;
    if (isSuccess && typeof payload === 'string')
      await saveIdempotentResponse(db, request.actor.id, key, reply.statusCode, payload);
    else await releaseIdempotencyKey(db, request.actor.id, key);
    return payload;
  });
}
