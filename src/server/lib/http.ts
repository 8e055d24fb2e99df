import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Actor } from './access.ts';
import { isDataException } from './db-errors.ts';
import { AppError, type FieldProblem, HTTP_STATUS_BY_CODE } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'fazhi_session';

/** The signed-in actor, or UNAUTHENTICATED. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.actor;
}

/** zod's own (zh-CN locale) messages, which do not name the field. */
const GENERIC_MESSAGE = /^(无效|数值过|字符串|数组|过大|过小|此项为必填项|应为)/;

const CONTEXT_LABELS: Record<string, string> = { body: '', querystring: '查询参数 ', params: '路径参数 ' };

/** Fastify's own 4xx errors, in Chinese. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型',
  FST_ERR_BAD_URL: '请求地址格式不正确',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空',
};

/** The body every error response has: a stable code, a Chinese message, optional details. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldProblem[]; [key: string]: unknown };
}

/**
 * One error handler: AppError keeps its code; schema validation becomes VALIDATION_FAILED with one
 * Chinese message per field; anything else is logged and reported as INTERNAL without a stack.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const status = HTTP_STATUS_BY_CODE[error.code];
    if (status >= 500) request.log.error(error);
    return reply
      .status(status)
      .send({ error: { code: error.code, message: error.message, ...error.details } });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context =
      CONTEXT_LABELS[(error as { validationContext?: string }).validationContext ?? 'body'] ?? '';
    const fields = error.validation.map((problem) => {
      const field = problem.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(root)';
      const text = problem.message ?? '格式不正确';
      // Our schemas word their messages with the field's Chinese name; zod's defaults do not,
      // so those get the field's path in front.
      const named =
        GENERIC_MESSAGE.test(text) && field !== '(root)'
          ? `${context}${field}：${text}`
          : `${context}${text}`;
      return { field, message: named };
    });
    return reply.status(400).send({
      error: {
        code: 'VALIDATION_FAILED',
        message: `输入有误：${fields.map((field) => field.message).join('；')}`,
        fields,
      },
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: '服务器内部错误，请联系系统管理员' } });
  }
  if (isDataException(error)) {
    // Backstop for input a schema let through but PostgreSQL cannot take (22xxx: out of range,
    // bad encoding, invalid datetime …): the request was wrong, not the server.
    request.log.warn({ err: error }, 'data exception from the database');
    const message = '输入的数据超出允许范围或含有无法保存的字符';
    return reply
      .status(400)
      .send({ error: { code: 'VALIDATION_FAILED', message, fields: [{ field: '(root)', message }] } });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode === 429) {
    return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const message =
      FRAMEWORK_MESSAGES[fastifyError.code] ??
      (fastifyError.statusCode === 413 ? '请求内容过大' : '请求格式不正确');
    return reply.status(fastifyError.statusCode).send({
      error: {
        code: 'VALIDATION_FAILED',
        message,
        ...(fastifyError.statusCode === 400 ? { fields: [{ field: '(request)', message }] } : {}),
      },
    });
  }
  request.log.error(error);
  return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请联系系统管理员' } });
}

/** A file to download: what the browser saves it as, and its bytes. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  bytes: Buffer | Uint8Array;
}

/**
 * Sends a download: its type, the Chinese file name in Content-Disposition (RFC 6266 / 5987, with
 * an ASCII fallback), and nosniff, so an uploaded file is never run as something else.
 */
export function sendFile(reply: FastifyReply, file: DownloadFile) {
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
