// Runtime configuration, read once from the environment and validated at start.
import { z } from 'zod';
import { readOidcEnv, type OidcConfig } from './auth/oidcConfig';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('./data/gevinstspor.db'),
  /** postgres://… — use PostgreSQL instead of the SQLite file (a shared service with several instances). */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** Connections per instance to each PostgreSQL database. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** JSON file mapping host names to municipalities' databases (several municipalities on one service). */
  TENANTS_FILE: z.string().min(1).optional(),
  /** Base of printed staff links and QR codes, e.g. https://gevinstspor.kommune.dk */
  PUBLIC_URL: z.string().url().optional(),
  ANONYMITY_THRESHOLD: z.coerce.number().int().min(3).max(50).default(5),
  FREE_TEXT_THRESHOLD: z.coerce.number().int().min(5).max(50).default(10),
  SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** A session ends after this many minutes without a request (SESSION_HOURS is the absolute limit). */
  IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Set to 'false' to start with an empty database instead of the demo project. */
  LOAD_DEMO: z.enum(['true', 'false']).default('true'),
  /** Marks session cookies Secure; on by default except on plain http://localhost. */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  /** How many reverse proxies in front of the app to trust for X-Forwarded-For/-Proto (0: none; 'true' is 1). */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, "a number of proxies, 'true' (1) or 'false' (0)")
    .default('0')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  /** Secret for the rate limits' hashed keys; set the same on every instance so they count a client together. */
  RATE_LIMIT_KEY: z.string().min(32, 'at least 32 characters').optional(),
});

export interface AppConfig {
  anonymityThreshold: number;
  freeTextThreshold: number;
  sessionHours: number;
  idleMinutes: number;
  secureCookies: boolean;
  publicUrl: string;
  /** Reverse proxies trusted for X-Forwarded-For/-Proto (server/http/rateLimit.ts, server/http/secureHeaders.ts). */
  trustProxy: number;
  /** HMAC secret of the rate limits' keys; a random one per process when unset. */
  rateLimitKey?: string;
  /** Sign-in through the municipality's identity provider (OIDC_* variables, or the tenant's "oidc"); off when unset. */
  oidc?: OidcConfig;
}

export interface ServerConfig extends AppConfig {
  port: number;
  host: string;
  /** A SQLite file path or a postgres:// URL. */
  database: string;
  poolSize: number;
  tenantsFile?: string;
  loadDemo: boolean;
  /** SECURE_COOKIES as set; unset means "decide from the public URL" (per municipality with tenants). */
  secureCookiesSetting?: boolean;
}

export const defaultAppConfig: AppConfig = {
  anonymityThreshold: 5,
  freeTextThreshold: 10,
  sessionHours: 12,
  idleMinutes: 60,
  secureCookies: false,
  publicUrl: 'http://localhost:3000',
  trustProxy: 0,
};

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const oidc = readOidcEnv(env);
  // One identity provider for several municipalities would let one's groups into the others': set it per tenant.
  if (oidc.config && e.TENANTS_FILE) oidc.problems.push('OIDC_ISSUER: with TENANTS_FILE, give each municipality its own "oidc" in the tenant file');
  if (oidc.problems.length) throw new Error(`Invalid environment:\n${oidc.problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    oidc: oidc.config,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ?? e.DATABASE_PATH,
    poolSize: e.DATABASE_POOL_SIZE,
    tenantsFile: e.TENANTS_FILE,
    loadDemo: e.LOAD_DEMO === 'true',
    anonymityThreshold: e.ANONYMITY_THRESHOLD,
    freeTextThreshold: e.FREE_TEXT_THRESHOLD,
    sessionHours: e.SESSION_HOURS,
    idleMinutes: e.IDLE_MINUTES,
    secureCookiesSetting: e.SECURE_COOKIES ? e.SECURE_COOKIES === 'true' : undefined,
    secureCookies: e.SECURE_COOKIES ? e.SECURE_COOKIES === 'true' : publicUrl.startsWith('https://'),
    publicUrl,
    trustProxy: e.TRUST_PROXY,
    rateLimitKey: e.RATE_LIMIT_KEY,
  };
}
