/**
 * A generated fuzz pass over every operation of the OpenAPI document: NUL characters, lone
 * surrogates, ids past the integer column, ids that are not plain digits and impossible years, in
 * every parameter and body field. Fixed seed and bounded count, so a failure replays exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.ts';

const SEED = 20_261_201;
const MAX_REQUESTS = 1_500;
const CHINESE = /[\u4e00-\u9fff]/;

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const BAD_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800', `${'长'.repeat(5000)}\u0000`];
const BAD_ID_PARAM = [
  '2147483648',
  '9007199254740993',
  '99999999999999999999',
  ' 1',
  '1e3',
  '0x10',
  '-1',
  '+1',
  '1.5',
  '%20%201',
  '%00',
  '%E0%A4%A',
];
const BAD_NUMBER = [2 ** 53, 2_147_483_648, -1, 1.5, 1e308];
const BAD_DATE = ['0000-01-01', '0001-02-03', '9999-12-31', '1899-12-31', '2101-01-01', '2024-02-30\u0000'];

// biome-ignore lint/suspicious/noExplicitAny: JSON schema from the OpenAPI document
type Schema = any;
type Location = 'path' | 'query' | 'body';
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: Schema; required: boolean }[];
  body: Schema | null;
}

const isDateName = (name: string) => /(On|Date|Start|End|From|To|Until)$|^(from|to|date|on)$/.test(name);
const isIdName = (name: string) => /^(id|.*Id)$/.test(name);

/** A plausible value for a field, so a request reaches the field under test. */
function plausible(name: string, schema: Schema): unknown {
  if (!schema) return 'x';
  if (schema.enum) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.anyOf || schema.oneOf) return plausible(name, (schema.anyOf ?? schema.oneOf)[0]);
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  if (type === 'object') return objectOf(schema, () => undefined);
  if (isDateName(name)) return '2024-03-01';
  if (isIdName(name)) return '1';
  return 'x';
}

function objectOf(schema: Schema, override: (name: string) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, property] of Object.entries<Schema>(schema?.properties ?? {})) {
    const forced = override(name);
    if (forced !== undefined) result[name] = forced;
    else if ((schema.required ?? []).includes(name)) result[name] = plausible(name, property);
  }
  return result;
}

function badValuesFor(location: Location, name: string, schema: Schema): unknown[] {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (location !== 'body') {
    return isDateName(name) ? BAD_DATE : [...BAD_ID_PARAM, ...BAD_TEXT];
  }
  if (type === 'integer' || type === 'number') return BAD_NUMBER;
  if (type === 'array') {
    const item = schema.items ?? {};
    return badValuesFor('body', name, item).map((value) => [value]);
  }
  if (type === 'string' || schema?.anyOf) return isDateName(name) ? [...BAD_DATE, ...BAD_TEXT] : BAD_TEXT;
  return [];
}

function operationsOf(document: Schema): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(document.paths)) {
    for (const [method, operation] of Object.entries<Schema>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (path === '/api/auth/logout' || path.startsWith('/api/docs')) continue;
      const params = (operation.parameters ?? []).filter((parameter: Schema) =>
        ['path', 'query'].includes(parameter.in),
      );
      const body = operation.requestBody?.content?.['application/json']?.schema ?? null;
      operations.push({ method: method.toUpperCase(), path, params, body });
    }
  }
  return operations;
}

/** encodeURIComponent, but a lone surrogate is sent as its WTF-8 bytes (%ED%A0%80) instead of throwing. */
function encode(value: string): string {
  return [...value]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join('');
      }
      return encodeURIComponent(char);
    })
    .join('');
}

interface Probe {
  method: string;
  url: string;
  payload?: unknown;
  label: string;
}

function buildUrl(
  operation: Operation,
  override: { location: Location; name: string; value: unknown } | null,
) {
  let url = operation.path;
  const query: string[] = [];
  for (const parameter of operation.params) {
    const forced = override && override.location === parameter.in && override.name === parameter.name;
    const value = forced
      ? override.value
      : parameter.required
        ? plausible(parameter.name, parameter.schema)
        : undefined;
    if (value === undefined) continue;
    // BAD_ID_PARAM's %-sequences are sent as they are; everything else is encoded
    const raw = String(value);
    const encoded = /%/.test(raw) && forced ? raw : encode(raw);
    if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encoded);
    else query.push(`${encodeURIComponent(parameter.name)}=${encoded}`);
  }
  return query.length > 0 ? `${url}?${query.join('&')}` : url;
}

function probesOf(operations: Operation[], random: () => number): Probe[] {
  const probes: Probe[] = [];
  for (const operation of operations) {
    const targets: { location: Location; name: string; schema: Schema }[] = [
      ...operation.params.map((parameter) => ({
        location: parameter.in,
        name: parameter.name,
        schema: parameter.schema,
      })),
      ...Object.entries<Schema>(operation.body?.properties ?? {}).map(([name, schema]) => ({
        location: 'body' as const,
        name,
        schema,
      })),
    ];
    for (const target of targets) {
      const values = badValuesFor(target.location, target.name, target.schema);
      // two values per field, drawn with the seeded generator
      for (let draw = 0; draw < Math.min(2, values.length); draw += 1) {
        const value = values[Math.floor(random() * values.length)];
        const override = { ...target, value };
        const payload =
          operation.body && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(operation.method)
            ? objectOf(operation.body, (name) =>
                target.location === 'body' && name === target.name ? value : undefined,
              )
            : undefined;
        probes.push({
          method: operation.method,
          url: buildUrl(operation, target.location === 'body' ? null : override),
          payload,
          label: `${operation.method} ${operation.path} ${target.location}.${target.name}=${JSON.stringify(value).slice(0, 40)}`,
        });
      }
    }
  }
  // a fixed-seed shuffle, then the bound
  for (let index = probes.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [probes[index], probes[other]] = [probes[other]!, probes[index]!];
  }
  return probes.slice(0, MAX_REQUESTS);
}

let ctx: TestContext;
let operations: Operation[];
beforeAll(async () => {
  ctx = await createTestContext();
  operations = operationsOf(ctx.app.swagger());
});
afterAll(() => ctx.close());

describe('fuzz pass over the OpenAPI document', () => {
  it('covers every operation', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('answers hostile input as an admin with no 5xx and a Chinese 400 naming its fields', async () => {
    const probes = probesOf(operations, prng(SEED));
    expect(probes.length).toBeGreaterThan(300);
    let cookie = await ctx.login('admin');
    const failures: string[] = [];
    for (const probe of probes) {
      let response = await ctx.request({
        method: probe.method as 'GET',
        url: probe.url,
        payload: probe.payload as object,
        cookie,
      });
      if (response.status === 401) {
        // a probe that changed the admin's session (password) is replayed on a fresh one
        cookie = await ctx.login('admin');
        response = await ctx.request({
          method: probe.method as 'GET',
          url: probe.url,
          payload: probe.payload as object,
          cookie,
        });
      }
      const error = typeof response.json === 'object' ? response.json?.error : undefined;
      if (response.status >= 500) failures.push(`${response.status} ${probe.label}`);
      else if (response.status === 400) {
        const fine =
          error &&
          CHINESE.test(error.message) &&
          Array.isArray(error.fields) &&
          error.fields.length > 0 &&
          error.fields.every((field: { message: string }) => CHINESE.test(field.message));
        if (!fine)
          failures.push(
            `400 without Chinese fields: ${probe.label} ${JSON.stringify(response.json).slice(0, 200)}`,
          );
      } else if (response.status >= 400 && !(error && CHINESE.test(error.message))) {
        failures.push(
          `${response.status} not Chinese: ${probe.label} ${String(JSON.stringify(response.json)).slice(0, 200)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('authenticates before it validates: anonymous hostile input gets 401, never a field list', async () => {
    const probes = probesOf(
      operations.filter(
        (operation) =>
          !operation.path.startsWith('/api/public/') &&
          !operation.path.startsWith('/api/auth/login') &&
          operation.path !== '/api/health',
      ),
      prng(SEED + 1),
    ).slice(0, 300);
    const leaks: string[] = [];
    for (const probe of probes) {
      const response = await ctx.request({
        method: probe.method as 'GET',
        url: probe.url,
        payload: probe.payload as object,
      });
      // a malformed URL never reaches a route: 400 from the router is fine, a field list is not
      if (
        response.status !== 401 &&
        response.json?.error?.fields?.some((f: { field: string }) => f.field !== '(request)')
      )
        leaks.push(`${response.status} ${probe.label}`);
      if (response.status >= 500) leaks.push(`${response.status} ${probe.label}`);
    }
    expect(leaks).toEqual([]);
  }, 120_000);
});

describe('ids accept digits only', () => {
  it.each([
    ['POST', '/api/users/%20%201/reset-password'],
    ['GET', '/api/orgs/1e3'],
    ['GET', '/api/orgs/0x10'],
    ['GET', '/api/orgs/2147483648'],
    ['GET', '/api/officers?orgId=%201'],
  ])('%s %s → 400', async (method, url) => {
    const cookie = await ctx.login('admin');
    const response = await ctx.request({
      method: method as 'GET',
      url,
      cookie,
      payload: method === 'POST' ? {} : undefined,
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields.length).toBeGreaterThan(0);
  });

  it('routes a badly encoded URL through the Chinese error handler', async () => {
    const response = await ctx.request({ method: 'GET', url: '/api/orgs/%E0%A4%A' });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(CHINESE);
  });
});
