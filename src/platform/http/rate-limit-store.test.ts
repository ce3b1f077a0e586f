import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { useTestDb } from '../../../test/helpers/app.ts';
import { databaseRateLimitStore, deleteEndedRateLimits, hitRateLimit, readRateLimit } from './rate-limit-store.ts';

/**
 * The database store of `@fastify/rate-limit`: two app instances on one database (as two
 * processes would be) count against one limit; each route has its own count; a window ends.
 */
async function limitedApp(db: Parameters<typeof databaseRateLimitStore>[0]): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });
  app.get('/a', { config: { rateLimit: { max: 3, timeWindow: '1 minute' } } }, async () => 'a');
  app.get('/b', { config: { rateLimit: { max: 3, timeWindow: '1 minute' } } }, async () => 'b');
  await app.ready();
  return app;
}

describe('database rate-limit store', () => {
  const ctx = useTestDb();
  let one: FastifyInstance;
  let two: FastifyInstance;
  before(async () => {
    one = await limitedApp(ctx.database.db);
    two = await limitedApp(ctx.database.db);
  });
  after(async () => {
    await one?.close();
    await two?.close();
  });

  it('two app instances on one database share the count: the fourth request over both is refused', async () => {
    const statuses = [];
    for (const app of [one, two, one, two]) statuses.push((await app.inject({ url: '/a', remoteAddress: '10.0.0.1' })).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const refused = await one.inject({ url: '/a', remoteAddress: '10.0.0.1' });
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) >= 1, 'the refusal says when to come back');
    // Another route and another client have counts of their own.
    assert.equal((await two.inject({ url: '/b', remoteAddress: '10.0.0.1' })).statusCode, 200);
    assert.equal((await two.inject({ url: '/a', remoteAddress: '10.0.0.2' })).statusCode, 200);
  });

  it('keeps no client address: keys are hashed', async () => {
    const rows = await ctx.database.db.selectFrom('rate_limit_hits').select('key').execute();
    assert.ok(rows.length >= 3);
    for (const r of rows) assert.doesNotMatch(r.key, /10\.0\.0/);
  });

  it('opens a new window once the old one has ended, and the clean-up removes ended windows', async () => {
    const db = ctx.database.db;
    const first = await hitRateLimit(db, 'test-window', 50);
    assert.equal(first.current, 1);
    assert.ok(first.ttl > 0 && first.ttl <= 50);
    // Wait (poll) until the database says the window has ended; then the next hit starts at 1.
    while ((await readRateLimit(db, 'test-window')).current > 0) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await hitRateLimit(db, 'test-window', 60_000)).current, 1);
    await hitRateLimit(db, 'test-ended', 1);
    while ((await readRateLimit(db, 'test-ended')).current > 0) await new Promise((r) => setTimeout(r, 5));
    const removed = await deleteEndedRateLimits(db, new Date(Date.now() + 1000));
    assert.ok(removed >= 1);
    const left = await db.selectFrom('rate_limit_hits').select('key').where('key', '=', 'test-ended').execute();
    assert.equal(left.length, 0);
    assert.equal((await readRateLimit(db, 'test-window')).current, 1, 'an open window is kept');
  });

  it('refuses options it cannot honour', () => {
    const Store = databaseRateLimitStore(ctx.database.db);
    assert.throws(() => new Store({ continueExceeding: true } as never), /continueExceeding/);
  });
});
