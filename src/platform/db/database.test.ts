import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { useTestDb } from '../../../test/helpers/app.ts';
import { readFileSync } from 'node:fs';
import { inTransaction, openDatabase } from './database.ts';
import { templatePaths } from '../../../test/helpers/template.ts';

describe('database layer', () => {
  const ctx = useTestDb();

  it('commits a transaction and rolls back a failed one completely', async () => {
    const { db } = ctx.database;
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto('audit_log')
        .values({ action: 'test', entity: 'commit', tenant_id: null, actor_user_id: null, entity_id: '1', ip: null, detail: null })
        .execute();
    });
    await assert.rejects(
      inTransaction(db, async (trx) => {
        await trx
          .insertInto('audit_log')
          .values({ action: 'test', entity: 'rollback', tenant_id: null, actor_user_id: null, entity_id: '2', ip: null, detail: null })
          .execute();
        throw new Error('boom');
      }),
      /boom/,
    );
    const rows = await db.selectFrom('audit_log').select('entity').where('action', '=', 'test').execute();
    assert.deepEqual(
      rows.map((r) => r.entity),
      ['commit'],
    );
  });

  it('returns counts as numbers on both engines', async () => {
    const { db } = ctx.database;
    const row = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(typeof row.n, 'number');
  });

  it('runs concurrent queries while a transaction is open without mixing them into it', async () => {
    const { db } = ctx.database;
    let inside = 0;
    const tx = inTransaction(db, async (trx) => {
      await trx
        .insertInto('audit_log')
        .values({ action: 'concurrent', entity: 'x', tenant_id: null, actor_user_id: null, entity_id: null, ip: null, detail: null })
        .execute();
      await new Promise((r) => setTimeout(r, 50));
      inside = 1;
      throw new Error('rollback');
    });
    const outside = db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'concurrent')
      .executeTakeFirstOrThrow();
    await assert.rejects(tx);
    const counted = await outside;
    assert.equal(inside, 1);
    assert.equal(counted.n, 0, 'the outside query must not see the uncommitted (and later rolled back) row');
  });

  it('lets the event loop run between queued queries', async () => {
    const { db } = ctx.database;
    let done = 0;
    const queries = Array.from({ length: 10 }, () => sql`select 1`.execute(db).then(() => done++));
    // On PGlite every query is synchronous WebAssembly behind a promise: without a yield in the
    // driver all ten would finish in microtasks before this callback, starving other requests.
    const seen = await new Promise<number>((resolve) => setImmediate(() => resolve(done)));
    await Promise.all(queries);
    assert.equal(done, 10);
    assert.ok(seen < 10, `the event loop ran only after ${seen} of 10 queries`);
  });

  it('supports the Dutch text-search configuration on both engines', async () => {
    const { db } = ctx.database;
    const r = await sql<{ v: string }>`select to_tsvector('dutch', 'lantaarnpalen')::text as v`.execute(db);
    assert.match(r.rows[0]!.v, /lantaarnpal/);
  });
});

describe('embedded PGlite settings', () => {
  const ctx = useTestDb();

  it('runs embedded PGlite with the small buffer cache', async () => {
    // On the PostgreSQL run, open an embedded database as well: this setting is PGlite's alone.
    const own = ctx.database.engine !== 'pglite';
    const handle = own
      ? await openDatabase({ databaseUrl: null, memory: { load: new Blob([readFileSync(templatePaths().pgliteDump)]) } })
      : ctx.database;
    try {
      const r = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(handle.db);
      assert.equal(r.rows[0]!.shared_buffers, '16MB');
    } finally {
      if (own) await handle.close();
    }
  });
});
