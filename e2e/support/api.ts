/** A signed-in API session for test setup: JSON calls with the session cookie. */
export interface ApiSession {
  call: <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
}

/** Logs in over the API (no browser) and returns a caller that carries the session cookie. */
export async function apiLogIn(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login as ${username} failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    call: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${baseUrl}/api${path}`, {
        method,
        headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as T };
    },
  };
}
