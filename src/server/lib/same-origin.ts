import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard (ASVS 4.2.2 / 50.4): a state-changing request a browser sends
 * from another site carries that site's `Origin` and `Sec-Fetch-Site: cross-site`; SameSite=Lax
 * cookies alone do not stop a body-less or text/plain POST. An unsafe request passes when its
 * Origin is the app's own (the host the request was sent to) or one of `publicOrigins`
 * (PUBLIC_ORIGIN, for a proxy that rewrites Host), or, without Origin, when Sec-Fetch-Site is absent
 * (not a browser: CLI, scripts), `same-origin` or `none` (typed by the user).
 */
export function assertSameOrigin(request: FastifyRequest, publicOrigins: readonly string[]): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (isOwnOrigin(origin, request.host) || publicOrigins.includes(origin)) return;
    throw refused();
  }
  const site = request.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return;
  throw refused();
}

function isOwnOrigin(origin: string, host: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.host === host.toLowerCase();
}

const refused = () =>
  new AppError('CROSS_SITE_REFUSED', '请求来自其他网站，已拒绝（如通过反向代理访问，请配置 PUBLIC_ORIGIN）');
