import type { ErrorCode } from '../../common/error-codes.ts';

/** The server's codes (src/common/error-codes.ts), and NETWORK when no answer came. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export interface ApiFieldError {
  field: string;
  message: string;
}

/** A failed API call: the server's stable code, its Chinese message and per-field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | string,
    message: string,
    readonly fields: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called on any 401 outside the login call, so the app can return to the login page. */
let onUnauthenticated: (() => void) | null = null;

/** Registers the single handler for "session gone" (set by the auth provider). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2`, dropping empty values so optional filters stay off the URL. */
export function toQueryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Do not trigger the global 401 redirect (login and the session probe handle 401 themselves). */
  isAuthProbe?: boolean;
}

/** Waits before each resend of a POST whose answer was lost (the connection dropped). */
export const POST_RETRY_DELAYS_MS = [500, 1500];

/**
 * A fresh Idempotency-Key: 128 random bits in hex. `crypto.randomUUID` exists only in secure
 * contexts, and a county may serve Fazhi over plain http on its LAN; getRandomValues works in both.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one fetch wrapper: JSON in and out, same-origin cookie, throws ApiError on failure. A POST
 * carries an Idempotency-Key and, when no answer came, is sent again with the same key: the server
 * replays the first answer if the write had happened, so a dropped connection never writes twice.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, isAuthProbe = false } = options;
  const headers: Record<string, string> =
    body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' };
  if (method === 'POST') headers['idempotency-key'] = newIdempotencyKey();
  const retryDelays = method === 'POST' ? POST_RETRY_DELAYS_MS : [];
  let response: Response | null = null;
  for (let attempt = 0; response === null; attempt += 1) {
    try {
      response = await fetch(`/api${path}${query ? toQueryString(query) : ''}`, {
        method,
        credentials: 'same-origin',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      if (attempt >= retryDelays.length) throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
      await pause(retryDelays[attempt] ?? 0);
    }
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = readError(response.status, payload);
    if (response.status === 401 && !isAuthProbe) onUnauthenticated?.();
    throw error;
  }
  return payload as T;
}

function readError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: string; message?: string; fields?: ApiFieldError[] } } | null)
    ?.error;
  if (error?.code && error.message)
    return new ApiError(status, error.code, error.message, error.fields ?? []);
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'UNKNOWN', `请求失败（${status}），请稍后重试`);
}

/** Shorthands used by the modules' *.api.ts files. */
export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => apiRequest<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** The Chinese message of any thrown value, for message.error(). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}
