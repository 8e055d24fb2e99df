import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may set X-Forwarded-For: off (the socket's address is the client), a hop count,
 * or a comma-separated list of addresses / CIDRs. Never "trust everyone".
 */
export const TrustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((value, context): false | number | string[] => {
    if (value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isAddressOrCidr(entry));
    if (bad.length > 0 || value === 'true') {
      context.addIssue({
        code: 'custom',
        message: `must be false, a hop count or a comma-separated list of addresses/CIDRs (bad: ${bad.join(', ') || value})`,
      });
      return z.NEVER;
    }
    return entries;
  });

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Environment variables Fazhi reads, parsed once at start. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** When set, Fazhi runs on this PostgreSQL instead of the embedded PostgreSQL server under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Signs session cookies; at least 32 characters in production. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Loads the demo county on first start (an empty database); off by default in production. */
  SEED_DEMO: flag.optional(),
  /** Marks cookies Secure (and sends HSTS); on by default in production, which runs behind HTTPS. */
  COOKIE_SECURE: flag.optional(),
  /** The first administrator's password on an empty production database (else a setup code is printed). */
  FAZHI_ADMIN_PASSWORD: z.string().min(1).max(128).optional(),
  /** Origins besides the requested host that may send state-changing requests (comma list). */
  PUBLIC_ORIGIN: z
    .string()
    .default('')
    .transform((value, context) => {
      const origins = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      const bad = origins.filter(
        (entry) => !URL.canParse(entry) || new URL(entry).origin !== entry || !/^https?:/.test(entry),
      );
      if (bad.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `not an origin like https://fazhi.example.gov.cn: ${bad.join(', ')}`,
        });
        return z.NEVER;
      }
      return origins;
    }),
  /** Proxies whose X-Forwarded-For is believed (client address for rate limits and the audit log). */
  TRUST_PROXY: TrustProxySchema,
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'SEED_DEMO' | 'COOKIE_SECURE'> & {
  SESSION_SECRET: string;
  SEED_DEMO: boolean;
  COOKIE_SECURE: boolean;
};

/** Development fallback so `npm start` works out of the box; production must set its own. */
const DEVELOPMENT_SESSION_SECRET = 'fazhi-development-session-secret-change-me';

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in a shell or .env) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (环境变量配置错误):\n${lines.join('\n')}`);
  }
  const config = result.data;
  if (!config.SESSION_SECRET && config.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid configuration (环境变量配置错误):\n  SESSION_SECRET: required in production',
    );
  }
  const production = config.NODE_ENV === 'production';
  return {
    ...config,
    SESSION_SECRET: config.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    // production ships no known passwords and expects HTTPS, unless told otherwise
    SEED_DEMO: config.SEED_DEMO ?? !production,
    COOKIE_SECURE: config.COOKIE_SECURE ?? production,
  };
}
