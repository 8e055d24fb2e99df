import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, POST_RETRY_DELAYS_MS } from './api-client.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A fetch that fails `failures` times (no answer) and then answers 201. */
function flakyFetch(failures: number) {
  let calls = 0;
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => {
    calls += 1;
    if (calls <= failures) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ id: 7 }), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const keyOf = (init: RequestInit | undefined) =>
  ((init?.headers ?? {}) as Record<string, string>)['idempotency-key'];

describe('the web client and Idempotency-Key (issue 11, item 13)', () => {
  it('a POST whose answer was lost is sent again with the same key', async () => {
    vi.useFakeTimers();
    const fetch = flakyFetch(2);
    const answer = api.post<{ id: number }>('/work-logs', { content: 'x' });
    await vi.advanceTimersByTimeAsync(POST_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0));
    expect(await answer).toEqual({ id: 7 });
    expect(fetch).toHaveBeenCalledTimes(3);
    const keys = fetch.mock.calls.map(([, init]) => keyOf(init));
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('two separate POSTs carry different keys (a second submit is a new request)', async () => {
    const fetch = flakyFetch(0);
    await api.post('/work-logs', { content: 'a' });
    await api.post('/work-logs', { content: 'a' });
    expect(keyOf(fetch.mock.calls[0]?.[1])).not.toBe(keyOf(fetch.mock.calls[1]?.[1]));
  });

  it('gives up after the last retry with the Chinese network error', async () => {
    vi.useFakeTimers();
    flakyFetch(10);
    const answer = api.post('/work-logs', {}).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await answer;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('NETWORK');
  });

  it('a GET carries no key and is not resent by the client', async () => {
    const fetch = flakyFetch(1);
    await expect(api.get('/cases')).rejects.toBeInstanceOf(ApiError);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(keyOf(fetch.mock.calls[0]?.[1])).toBeUndefined();
  });
});
