import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import { useTestDb } from '../../../test/helpers/app.ts';
import { loadTenantTables, scoped, TenantScopeError } from './tenant-scope.ts';
import { writeTogether } from './together.ts';

/**
 * writeTogether: several writes in one statement, all or none, through the caller's plugins
 * (tenant scope). Scratch tables keep the platform test free of modules.
 */
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

interface Scratch {
  together_parents: { tenant_id: string; id: string; name: string };
  together_children: { tenant_id: string; id: number; parent_id: string; note: string };
  together_log: { id: number; what: string };
}

/** Counts the statements a handle executes (one result each; a builder nested in another is transformed but not executed). */
class Counter implements KyselyPlugin {
  statements = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    this.statements++;
    return args.result;
  }
}

describe('writeTogether', () => {
  const ctx = useTestDb();
  let db: Kysely<Scratch>;

  before(async () => {
    db = ctx.database.db as unknown as Kysely<Scratch>;
    await sql`create table together_parents (tenant_id uuid not null, id uuid not null, name text not null, primary key (tenant_id, id))`.execute(
      db,
    );
    await sql`create table together_children (tenant_id uuid not null, id int not null, parent_id uuid not null, note text not null,
      primary key (tenant_id, id), foreign key (tenant_id, parent_id) references together_parents (tenant_id, id))`.execute(db);
    await sql`create table together_log (id int primary key, what text not null)`.execute(db);
    await loadTenantTables(ctx.database.db);
  });

  it('runs every write in one statement, a child beside the parent it references', async () => {
    const counter = new Counter();
    const h = db.withPlugin(counter);
    const parent = crypto.randomUUID();
    await writeTogether(h, [
      h.insertInto('together_parents').values({ tenant_id: A, id: parent, name: 'ouder' }),
      h.insertInto('together_children').values({ tenant_id: A, id: 1, parent_id: parent, note: 'kind' }),
      h.insertInto('together_log').values({ id: 1, what: 'samen' }),
      h.updateTable('together_log').set({ what: 'bijgewerkt' }).where('id', '=', 0),
    ]);
    assert.equal(counter.statements, 1);
    assert.equal(
      (await db.selectFrom('together_children').select('note').where('parent_id', '=', parent).executeTakeFirst())?.note,
      'kind',
    );
    assert.equal((await db.selectFrom('together_log').select('what').where('id', '=', 1).executeTakeFirst())?.what, 'samen');
  });

  it('one write or none: no WITH, no statement', async () => {
    const counter = new Counter();
    const h = db.withPlugin(counter);
    await writeTogether(h, []);
    assert.equal(counter.statements, 0);
    await writeTogether(h, [h.insertInto('together_log').values({ id: 2, what: 'alleen' })]);
    assert.equal(counter.statements, 1);
    assert.equal((await db.selectFrom('together_log').select('what').where('id', '=', 2).executeTakeFirst())?.what, 'alleen');
  });

  it('stores nothing when one part fails (a child whose parent does not exist)', async () => {
    const parent = crypto.randomUUID();
    await assert.rejects(
      writeTogether(db, [
        db.insertInto('together_parents').values({ tenant_id: A, id: parent, name: 'ouder' }),
        db.insertInto('together_children').values({ tenant_id: A, id: 10, parent_id: crypto.randomUUID(), note: 'wees' }),
      ]),
    );
    assert.equal(await db.selectFrom('together_parents').select('id').where('id', '=', parent).executeTakeFirst(), undefined);
  });

  it('rolls back with the caller’s transaction', async () => {
    const parent = crypto.randomUUID();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await writeTogether(trx, [
          trx.insertInto('together_parents').values({ tenant_id: A, id: parent, name: 'ouder' }),
          trx.insertInto('together_log').values({ id: 3, what: 'in transactie' }),
        ]);
        throw new Error('afgebroken');
      }),
      /afgebroken/,
    );
    assert.equal(await db.selectFrom('together_parents').select('id').where('id', '=', parent).executeTakeFirst(), undefined);
    assert.equal(await db.selectFrom('together_log').select('id').where('id', '=', 3).executeTakeFirst(), undefined);
  });

  it('goes through the tenant scope: a part for another tenant is refused, and nothing is stored', async () => {
    const mine = scoped(db, A);
    const parent = crypto.randomUUID();
    await assert.rejects(
      writeTogether(mine, [
        mine.insertInto('together_parents').values({ tenant_id: A, id: parent, name: 'van A' }),
        mine.insertInto('together_parents').values({ tenant_id: B, id: crypto.randomUUID(), name: 'van B' }),
      ]),
      TenantScopeError,
    );
    assert.equal(await db.selectFrom('together_parents').select('id').where('id', '=', parent).executeTakeFirst(), undefined);
    // A scoped update part only touches its tenant's rows.
    const other = crypto.randomUUID();
    await db.insertInto('together_parents').values({ tenant_id: B, id: other, name: 'van B' }).execute();
    await writeTogether(mine, [
      mine.updateTable('together_parents').set({ name: 'overschreven' }),
      mine.insertInto('together_log').values({ id: 4, what: 'scoped' }),
    ]);
    assert.equal((await db.selectFrom('together_parents').select('name').where('id', '=', other).executeTakeFirst())?.name, 'van B');
  });
});
