/** What the benchmarks that drive the running product share: signing in a demo account. */
import { DEMO_PASSWORD } from '../../src/server/seed/demo-county.ts';

/** Signs `username` in with the demo password; returns the Cookie header value. */
export async function login(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('fazhi_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie.split(';')[0]!;
}
