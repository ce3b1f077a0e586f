import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { after, before } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { testConfig, type Config } from '../../src/platform/config.ts';
import type { DbHandle } from '../../src/platform/db/database.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createTestDatabase, TEST_CLOCK_START, type TestDatabaseOptions } from './db.ts';

export interface TestContext {
  app: FastifyInstance;
  database: DbHandle;
  clock: ReturnType<typeof fixedClock>;
}

/**
 * Build the real app on a fresh test database for this test file (before/after hooks).
 * Use `ctx.app.inject()` for route tests; `ctx.database.db` for service tests.
 * `{ demo: true }`: the database starts with the demo data, seeded at the clock's start (test/helpers/db.ts).
 */
export function useTestApp(overrides: Partial<Config> = {}, options: TestDatabaseOptions = {}): TestContext {
  const ctx = {} as TestContext;
  before(async () => {
    ctx.database = await createTestDatabase(options);
    ctx.clock = fixedClock(TEST_CLOCK_START);
    ctx.app = await buildApp({ config: testConfig(overrides), database: ctx.database, clock: ctx.clock });
    await ctx.app.ready();
  });
  after(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

/** A fresh database without the app, for service tests. */
export function useTestDb(): { database: DbHandle } {
  const ctx = {} as { database: DbHandle };
  before(async () => {
    ctx.database = await createTestDatabase();
  });
  after(async () => {
    await ctx.database?.close();
  });
  return ctx;
}

/**
 * A browser-like client over inject: keeps cookies (expired by the app's clock, not the wall
 * clock), and fills in the CSRF token from the last page it saw, like a real form post.
 */
export class TestBrowser {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < this.app.clock.now().getTime())
      ) {
        this.cookies.delete(c.name);
      } else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    return res;
  }

  /** Post a form; `_csrf` is added unless given (pass `_csrf: ''` to test a missing token). */
  async post(url: string, form: Record<string, string>, opts: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
    if (!this.csrf) await this.get('/toegankelijkheid');
    const body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      ...opts,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        cookie: this.cookieHeader(),
        ...(opts.headers ?? {}),
      },
    });
    this.remember(res);
    return res;
  }
}
