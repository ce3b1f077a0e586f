import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { useTestDb } from '../../../test/helpers/app.ts';
import { raceOnlyOnPostgres, testEngine } from '../../../test/helpers/db.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { PGliteDialect } from '../../platform/db/pglite-dialect.ts';
import { AppError } from '../../platform/errors.ts';
import { BLOCK, claimNumber, releaseNumber } from './numbers.ts';
import { createSignal } from './signals.service.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, newSignal, setupTenant } from './signals.test-support.ts';

/**
 * Signal numbers from per-process blocks (numbers.ts). "Another process" (or the same process
 * after a restart) is a second Kysely instance on the same database: it shares the database but
 * none of the first one's memory, exactly what a second `samenhang serve` has.
 */
describe('signal numbers in blocks (numbers.ts)', () => {
  const others: Db[] = [];
  // Before the test database's own hook (which drops it): our pools first.
  after(async () => {
    // PGlite: the second instance shares the engine, which the test database closes; only PostgreSQL pools are ours.
    if (testEngine() !== 'pglite') for (const db of others) await db.destroy();
  });
  const t = useTestDb();

  /** A new "process" on the same database: no blocks in memory. */
  async function otherProcess(): Promise<Db> {
    let db: Db;
    if (testEngine() === 'pglite') {
      // Used one query at a time only (its own queue would not wait for the first instance's transactions).
      db = new Kysely<Database>({ dialect: new PGliteDialect(t.database.pglite!) });
    } else {
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(t.database.db)).rows[0]!.name;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 3 }) }) });
    }
    others.push(db);
    return db;
  }
  const counter = async (tenantId: string, year: number) =>
    (
      await t.database.db
        .selectFrom('signals_counters')
        .select('last_number')
        .where('tenant_id', '=', tenantId)
        .where('year', '=', year)
        .executeTakeFirst()
    )?.last_number ?? 0;
  const publicIds = async (tenantId: string) =>
    (await t.database.db.selectFrom('signals_signals').select('public_id').where('tenant_id', '=', tenantId).execute()).map(
      (r) => r.public_id,
    );

  before(async () => {
    await setupTenant(t.database.db, KRIMPEN);
    await setupTenant(t.database.db, GRONINGEN);
  });

  it('hands out unique counts to concurrent signals of one tenant, reserving a block at a time', async () => {
    const before = await counter(KRIMPEN.id, 2026);
    const made = await Promise.all(
      Array.from({ length: 40 }, (_, i) => createSignal(t.database.db, newSignal({ idempotencyKey: `blocks-${i}` }))),
    );
    const ids = made.map((m) => m.signal.public_id);
    assert.equal(new Set(ids).size, 40, 'every signal its own number');
    const after = await counter(KRIMPEN.id, 2026);
    assert.equal((after - before) % BLOCK, 0, 'the counter moves by whole blocks');
    assert.ok(after - before >= 40 && after - before <= 40 + 2 * BLOCK, `${after - before} counts reserved for 40 signals`);
    assert.equal(new Set(await publicIds(KRIMPEN.id)).size, (await publicIds(KRIMPEN.id)).length, 'unique in the database');
  });

  it('never reuses a block after a restart: the new process reserves counts after every earlier block', async () => {
    const first = await claimNumber(t.database.db, GRONINGEN.id, 2027);
    const reserved = await counter(GRONINGEN.id, 2027);
    assert.ok(first.number <= reserved && first.number > reserved - BLOCK);
    // The first process "stops" with the rest of its block unused; its successor starts after it.
    const restarted = await otherProcess();
    const next = await claimNumber(restarted, GRONINGEN.id, 2027);
    assert.ok(next.number > reserved, `${next.number} comes after the whole earlier block (…${reserved})`);
    assert.equal(next.key, first.key, "the year's key is the same in every process");
    assert.equal(await counter(GRONINGEN.id, 2027), reserved + BLOCK);
  });

  // On PGlite a second instance would have its own query queue on the shared engine; one process only there.
  it('two processes posting at once never hand out the same number', { skip: raceOnlyOnPostgres() }, async () => {
    const other = await otherProcess();
    const made = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        createSignal(i % 2 ? other : t.database.db, newSignal({ tenantId: GRONINGEN.id, idempotencyKey: `two-${i}`, ...GRONINGEN_POINT })),
      ),
    );
    assert.equal(new Set(made.map((m) => m.signal.public_id)).size, 60);
    const all = await publicIds(GRONINGEN.id);
    assert.equal(new Set(all).size, all.length);
  });

  it('gives a refused submission its count back, so a following signal uses it', async () => {
    const year = 2028;
    const at = new Date('2028-03-01T10:00:00Z');
    const ok1 = await createSignal(t.database.db, newSignal({ now: at, idempotencyKey: 'refund-1' }));
    const reserved = await counter(KRIMPEN.id, year);
    await assert.rejects(
      createSignal(t.database.db, newSignal({ now: at, description: '', idempotencyKey: 'refund-2' })),
      (e) => e instanceof AppError && e.status === 422,
    );
    const replay = await createSignal(t.database.db, newSignal({ now: at, idempotencyKey: 'refund-1' }));
    assert.equal(replay.replayed, true);
    assert.equal(replay.signal.public_id, ok1.signal.public_id);
    const ok2 = await createSignal(t.database.db, newSignal({ now: at, idempotencyKey: 'refund-3' }));
    assert.notEqual(ok2.signal.public_id, ok1.signal.public_id);
    assert.equal(await counter(KRIMPEN.id, year), reserved, 'no new block: the refused and replayed counts were handed out again');
    // A count given back goes out once more, not twice.
    const c = await claimNumber(t.database.db, KRIMPEN.id, year);
    releaseNumber(t.database.db, c);
    const d = await claimNumber(t.database.db, KRIMPEN.id, year);
    const e = await claimNumber(t.database.db, KRIMPEN.id, year);
    assert.equal(d.number, c.number);
    assert.notEqual(e.number, d.number);
  });

  it('inside a caller’s transaction counts one by one in that transaction (rolled back with it)', async () => {
    const year = 2029;
    const at = new Date('2029-05-01T10:00:00Z');
    await assert.rejects(
      t.database.db.transaction().execute(async (trx) => {
        await createSignal(trx, newSignal({ now: at, idempotencyKey: 'trx-1' }));
        throw new Error('caller gives up');
      }),
      /caller gives up/,
    );
    assert.equal(await counter(KRIMPEN.id, year), 0, 'the count went with the rollback');
    const s = await t.database.db.transaction().execute((trx) => createSignal(trx, newSignal({ now: at, idempotencyKey: 'trx-2' })));
    assert.match(s.signal.public_id, /^SIG-2029-\d{6}$/);
    assert.equal(await counter(KRIMPEN.id, year), 1);
  });
});
