import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** The validated, frozen configuration; the only place that reads process.env. */
export interface Config {
  /** Port the HTTP server listens on. */
  port: number;
  /** Host to bind; 127.0.0.1 by default so a demo is not exposed by accident. */
  host: string;
  /** Directory for the embedded database, lock file and generated secrets. */
  dataDir: string;
  /** Public base URL, used in e-mails (sign-in links) and feeds. */
  baseUrl: string;
  /** PostgreSQL connection string; absent means embedded PGlite under dataDir. */
  databaseUrl: string | null;
  /** SMTP connection URL; absent means mail stays in the outbox readable by admins. */
  smtpUrl: string | null;
  /** Sender address of outgoing mail. */
  mailFrom: string;
  /** Secret used to sign cookies and tokens (32+ characters). */
  sessionSecret: string;
  /** Which data to load into an empty database. */
  seed: 'demo' | 'none';
  /** production enables HSTS and secure cookies. */
  env: 'development' | 'production' | 'test';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Help marketplace: hours before a request is offered to the next wave of volunteers (normal and urgent requests). */
  helpWaveHours: { normal: number; urgent: number };
  /** Help marketplace: days after which the asking side hears that nobody has been found yet (HELP_NOBODY_FOUND_DAYS, default 3). */
  helpNobodyFoundDays: number;
  /**
   * Which proxies in front of us may set X-Forwarded-For (TRUST_PROXY): false trusts none (the
   * socket address is the client), a number trusts that many hops, a list trusts those addresses
   * or networks. Never "everyone": a spoofed header would otherwise defeat every rate limit.
   */
  trustProxy: false | number | string[];
  /**
   * Background tiles of the maps (MAP_TILE_URL, MAP_TILE_ATTRIBUTION): an XYZ template with {z}, {x} and {y}
   * in Web Mercator, default the PDOK BRT-Achtergrondkaart; url null ("none") draws maps without tiles.
   * In NODE_ENV=test the default is none, so no test reaches the internet.
   */
  mapTiles: MapTiles;
  /**
   * The geocoder's PDOK Locatieserver step (docs/geocoding.md): GEOCODER_PDOK on|off (default on
   * only in production), PDOK_LOCATIESERVER_URL, GEOCODER_TIMEOUT_MS.
   */
  geocoder: { pdok: boolean; pdokUrl: string; timeoutMs: number };
  /** Minutes between two runs of the area-summaries job that computes the neighbourhood pages (AREA_SUMMARIES_MINUTES, default 10). */
  areaSummariesMinutes: number;
  /**
   * Months the audit log is kept (AUDIT_RETENTION_MONTHS, 6–120, default 12); older rows are removed
   * by the daily clean-up unless an administrator keeps a period longer (docs/decisions/0010-audit-log-retention.md).
   */
  auditRetentionMonths: number;
  /** Connections each process keeps to PostgreSQL at most (DATABASE_POOL_SIZE, default 10); unused with PGlite. */
  databasePoolSize: number;
}

/** Where map tiles come from and whose data they show. */
export interface MapTiles {
  url: string | null;
  attribution: string;
}

export const PDOK_TILE_URL = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';
export const PDOK_ATTRIBUTION = 'Kaartgegevens © Kadaster';

/** The origin of a tile template, for the Content-Security-Policy (img-src). */
export function tileOrigin(url: string): string {
  return new URL(url.replace(/\{[a-z]\}/g, '0')).origin;
}

export class ConfigError extends Error {
  constructor(
    public readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().email('must be an e-mail address').default('samenhang@localhost'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED: z.enum(['demo', 'none']).default('demo'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  HELP_WAVE_HOURS: z.coerce
    .number()
    .min(0.25, 'must be at least 0.25 (15 minutes)')
    .max(336, 'must be at most 336 (two weeks)')
    .default(24),
  TRUST_PROXY: z
    .string()
    .transform((v, ctx): false | number | string[] => {
      const value = v.trim();
      if (value === 'none' || value === 'false') return false;
      if (/^\d+$/.test(value)) {
        const hops = Number(value);
        if (hops > 10) ctx.addIssue({ code: 'custom', message: 'a hop count must be between 0 and 10' });
        return hops === 0 ? false : hops;
      }
      const entries = value
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '');
      for (const entry of entries) {
        if (!isProxyAddress(entry)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" is not an IP address, a network (10.0.0.0/8), loopback, linklocal or uniquelocal; use a number of hops or a list, never "true" or "*"`,
          });
        }
      }
      return entries;
    })
    .optional(),
  HELP_NOBODY_FOUND_DAYS: z.coerce.number().min(0.5, 'must be at least 0.5 (half a day)').max(60, 'must be at most 60').default(3),
  HELP_WAVE_URGENT_HOURS: z.coerce
    .number()
    .min(0.25, 'must be at least 0.25 (15 minutes)')
    .max(336, 'must be at most 336 (two weeks)')
    .default(2),
  MAP_TILE_URL: z
    .string()
    .refine(
      (v) => v === 'none' || (/^https?:\/\/[^/{}]+\//.test(v) && ['{z}', '{x}', '{y}'].every((p) => v.includes(p))),
      'must be "none" or an http(s) URL with {z}, {x} and {y}',
    )
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(200).optional(),
  GEOCODER_PDOK: z.enum(['on', 'off']).optional(),
  PDOK_LOCATIESERVER_URL: z.url({ protocol: /^https?$/ }).default('https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().min(100, 'must be at least 100').max(30000, 'must be at most 30000').default(2000),
  AREA_SUMMARIES_MINUTES: z.coerce.number().int().min(1, 'must be at least 1').max(1440, 'must be at most 1440').default(10),
  AUDIT_RETENTION_MONTHS: z.coerce
    .number()
    .int('must be a whole number of months')
    .min(
      6,
      'must be at least 6 (the baseline for government logs asks for a risk-based period; less than half a year leaves no room to investigate)',
    )
    .max(120, 'must be at most 120 (ten years)')
    .default(12),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number from 1 to 1000' })
    .int('must be a whole number from 1 to 1000')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(10),
});

/** Parse the environment into a Config; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // Empty strings count as "not set", as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  const dataDir = resolve(cwd, e.DATA_DIR);
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET', 'is required in production');
  }
  const sessionSecret = e.SESSION_SECRET ?? persistedSecret(dataDir);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    sessionSecret,
    seed: e.SEED,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    helpWaveHours: { normal: e.HELP_WAVE_HOURS, urgent: e.HELP_WAVE_URGENT_HOURS },
    helpNobodyFoundDays: e.HELP_NOBODY_FOUND_DAYS,
    trustProxy: e.TRUST_PROXY ?? false,
    mapTiles: {
      url: mapTileUrl(e.MAP_TILE_URL, e.NODE_ENV),
      attribution: e.MAP_TILE_ATTRIBUTION ?? PDOK_ATTRIBUTION,
    },
    geocoder: {
      pdok: (e.GEOCODER_PDOK ?? (e.NODE_ENV === 'production' ? 'on' : 'off')) === 'on',
      pdokUrl: e.PDOK_LOCATIESERVER_URL.replace(/\/+$/, ''),
      timeoutMs: e.GEOCODER_TIMEOUT_MS,
    },
    areaSummariesMinutes: e.AREA_SUMMARIES_MINUTES,
    auditRetentionMonths: e.AUDIT_RETENTION_MONTHS,
    databasePoolSize: e.DATABASE_POOL_SIZE,
  });
}

/** The configured tile template; "none" (and no setting under NODE_ENV=test) means no tiles. */
function mapTileUrl(setting: string | undefined, env: Config['env']): string | null {
  const url = setting ?? (env === 'test' ? 'none' : PDOK_TILE_URL);
  return url === 'none' ? null : url;
}

/** An address, a network in CIDR notation, or one of proxy-addr's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (entry === 'loopback' || entry === 'linklocal' || entry === 'uniquelocal') return true;
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** In embedded mode a missing SESSION_SECRET is generated once and kept in the data directory. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}

/** A config for tests: no files written, fixed secret. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    port: 0,
    host: '127.0.0.1',
    dataDir: resolve('.tmp/test-data'),
    baseUrl: 'http://localhost:3000',
    databaseUrl: null,
    smtpUrl: null,
    mailFrom: 'samenhang@localhost',
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    seed: 'none',
    env: 'test',
    logLevel: 'silent',
    helpWaveHours: { normal: 24, urgent: 2 },
    helpNobodyFoundDays: 3,
    trustProxy: false,
    mapTiles: { url: null, attribution: PDOK_ATTRIBUTION },
    geocoder: { pdok: false, pdokUrl: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1', timeoutMs: 2000 },
    areaSummariesMinutes: 10,
    auditRetentionMonths: 12,
    databasePoolSize: 10,
    ...overrides,
  });
}
