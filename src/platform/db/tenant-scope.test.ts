import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { useTestDb } from '../../../test/helpers/app.ts';
import { loadTenantTables, scoped, TenantScopeError } from './tenant-scope.ts';

/**
 * The tenant scope (ADR 0007): a query that forgets `where tenant_id = …` still cannot reach
 * another tenant's rows through a scoped handle. Scratch tables keep the platform test free of
 * modules; test/lint/tenant-scope.test.ts checks every real tenant table.
 */
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

interface Scratch {
  probe_notes: { id: number; tenant_id: string; body: string; owner_id: number | null };
  probe_owners: { id: number; tenant_id: string; name: string };
  probe_global: { id: number; label: string };
}

describe('tenant scope', () => {
  const ctx = useTestDb();
  let db: Kysely<Scratch>;

  before(async () => {
    db = ctx.database.db as unknown as Kysely<Scratch>;
    await sql`create table probe_owners (id int primary key, tenant_id uuid not null, name text not null)`.execute(db);
    await sql`create table probe_notes (id int primary key, tenant_id uuid not null, body text not null, owner_id int)`.execute(db);
    await sql`create table probe_global (id int primary key, label text not null)`.execute(db);
    await db
      .insertInto('probe_owners')
      .values([
        { id: 1, tenant_id: A, name: 'eigenaar A' },
        { id: 2, tenant_id: B, name: 'eigenaar B' },
      ])
      .execute();
    await db
      .insertInto('probe_notes')
      .values([
        { id: 1, tenant_id: A, body: 'notitie A', owner_id: 1 },
        { id: 2, tenant_id: B, body: 'notitie B', owner_id: 2 },
        // A crafted cross-tenant reference: a note of A that points at an owner of B.
        { id: 3, tenant_id: A, body: 'notitie A met eigenaar B', owner_id: 2 },
      ])
      .execute();
    await db.insertInto('probe_global').values({ id: 1, label: 'voor iedereen' }).execute();
    await loadTenantTables(ctx.database.db);
  });

  it('finds the tables with a non-null tenant_id in the catalogue, and only those', async () => {
    const tables = await loadTenantTables(ctx.database.db);
    assert.ok(tables.has('probe_notes') && tables.has('probe_owners'));
    assert.ok(!tables.has('probe_global'));
    assert.ok(!tables.has('tenants'), 'the tenants table itself has no tenant_id');
  });

  it('an unscoped select through a scoped handle sees only its own tenant', async () => {
    const rows = await scoped(db, A).selectFrom('probe_notes').select(['id', 'body']).orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => r.id),
      [1, 3],
    );
    // The same query on the plain handle sees all three: the scope made the difference.
    assert.equal((await db.selectFrom('probe_notes').select('id').execute()).length, 3);
  });

  it('scopes aliases, inner and left joins (a left join stays a left join), subqueries and counts', async () => {
    const inner = await scoped(db, A)
      .selectFrom('probe_notes as n')
      .innerJoin('probe_owners as o', 'o.id', 'n.owner_id')
      .select(['n.id', 'o.name'])
      .orderBy('n.id')
      .execute();
    assert.deepEqual(inner, [{ id: 1, name: 'eigenaar A' }]);
    const left = await scoped(db, A)
      .selectFrom('probe_notes as n')
      .leftJoin('probe_owners as o', 'o.id', 'n.owner_id')
      .select(['n.id', 'o.name'])
      .orderBy('n.id')
      .execute();
    assert.deepEqual(left, [
      { id: 1, name: 'eigenaar A' },
      { id: 3, name: null },
    ]);
    const sub = await scoped(db, A)
      .selectFrom('probe_global')
      .select((eb) =>
        eb
          .selectFrom('probe_notes')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('notes'),
      )
      .executeTakeFirstOrThrow();
    assert.equal(Number(sub.notes), 2);
    const where = await scoped(db, A)
      .selectFrom('probe_notes')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', 2), eb('id', '=', 1)]))
      .execute();
    assert.deepEqual(
      where.map((r) => r.id),
      [1],
      'an OR in the query does not open the scope',
    );
  });

  it('updates and deletes cannot touch another tenant, also in a transaction', async () => {
    const updated = await scoped(db, A).updateTable('probe_notes').set({ body: 'gewijzigd' }).executeTakeFirst();
    assert.equal(Number(updated.numUpdatedRows), 2);
    await db.transaction().execute(async (trx) => {
      const deleted = await scoped(trx, A).deleteFrom('probe_notes').where('id', '=', 2).executeTakeFirst();
      assert.equal(Number(deleted.numDeletedRows), 0);
    });
    const b = await db.selectFrom('probe_notes').select('body').where('id', '=', 2).executeTakeFirstOrThrow();
    assert.equal(b.body, 'notitie B');
  });

  it('refuses an insert for another tenant, or one without tenant_id, before the database sees it', async () => {
    await assert.rejects(
      scoped(db, A).insertInto('probe_notes').values({ id: 9, tenant_id: B, body: 'x', owner_id: null }).execute(),
      TenantScopeError,
    );
    await assert.rejects(
      (scoped(db, A) as unknown as Kysely<{ probe_notes: { id: number; body: string } }>)
        .insertInto('probe_notes')
        .values({ id: 9, body: 'x' })
        .execute(),
      TenantScopeError,
    );
    await scoped(db, A).insertInto('probe_notes').values({ id: 10, tenant_id: A, body: 'nieuw', owner_id: null }).execute();
    assert.equal((await db.selectFrom('probe_notes').select('id').where('id', '>=', 9).execute()).length, 1);
  });

  it('covers every tenant table of the real schema: each query on it gets the tenant condition', async () => {
    const tables = await loadTenantTables(ctx.database.db);
    assert.ok(tables.size > 40, `the module tables are found (${tables.size})`);
    const any = ctx.database.db as unknown as Kysely<Record<string, { tenant_id: string }>>;
    for (const table of tables) {
      const compiled = scoped(any, A).selectFrom(table).selectAll().compile();
      assert.match(compiled.sql, new RegExp(`"${table}"\\."tenant_id" = \\$1`), table);
      assert.deepEqual(compiled.parameters, [A], table);
    }
  });

  it('leaves tables without tenant_id alone', async () => {
    const rows = await scoped(db, B).selectFrom('probe_global').selectAll().execute();
    assert.equal(rows.length, 1);
  });
});
