import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { buildSecurityApp } from './security-app.ts';

type SecurityApp = Awaited<ReturnType<typeof buildSecurityApp>>;

/** `count` logins one after another from one socket, each claiming another client address. */
async function spray(app: SecurityApp['app'], count: number, remoteAddress: string) {
  const responses = [];
  for (let index = 0; index < count; index += 1) {
    responses.push(
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `ghost${index}`, password: 'x' },
        remoteAddress,
        headers: { 'x-forwarded-for': `203.0.113.${index}` },
      }),
    );
  }
  return responses;
}

describe('X-Forwarded-For by default (no TRUST_PROXY)', () => {
  let subject: SecurityApp;
  beforeAll(async () => {
    subject = await buildSecurityApp();
  });
  afterAll(() => subject.close());

  it('keeps the login rate limit on the socket address whatever the header says', async () => {
    const statuses = (await spray(subject.app, 12, '10.20.0.1')).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  });

  it('writes the socket address, not the header, into the audit log', async () => {
    await subject.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'wrong' },
      remoteAddress: '10.20.0.2',
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    const row = await subject.database.db
      .selectFrom('audit_log')
      .select(['ip'])
      .where('action', '=', 'auth.login_failed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.ip).toBe('10.20.0.2');
  });
});

describe('TRUST_PROXY set to the proxy address', () => {
  let subject: SecurityApp;
  beforeAll(async () => {
    subject = await buildSecurityApp({ TRUST_PROXY: ['10.30.0.1'] });
  });
  afterAll(() => subject.close());

  it('believes the header from that proxy only', async () => {
    const viaProxy = (await spray(subject.app, 12, '10.30.0.1')).map((response) => response.statusCode);
    expect(viaProxy.filter((status) => status === 429)).toHaveLength(0);
    const direct = (await spray(subject.app, 12, '10.30.0.2')).map((response) => response.statusCode);
    expect(direct.filter((status) => status === 429)).toHaveLength(2);
  });
});

describe('TRUST_PROXY parsing', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['10.0.0.1, 192.168.0.0/16,loopback', ['10.0.0.1', '192.168.0.0/16', 'loopback']],
    ['::1/128', ['::1/128']],
  ])('%s → %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });
  it.each(['true', '10.0.0.0/33', 'evil.example', '10.0.0.1/8/1'])('refuses %s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow('TRUST_PROXY');
  });
});
