/**
 * The schema distributes by municipality (issue 17, ADR 0009): read the migrated schema from the
 * catalogue and fail, naming table and constraint, when a tenant table lacks tenant_id in its
 * primary key, a unique constraint or unique index, or a foreign key to another tenant table; when
 * a table without tenant_id is not listed in GLOBAL_TABLES; and when a global table references a
 * tenant table. Runs on PGlite and PostgreSQL (it needs a migrated database).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { useTestDb } from '../helpers/app.ts';
import { distributionViolations, GLOBAL_TABLES, readSchemaFacts } from '../../src/platform/db/distribution.ts';
import { rewriteDistributionKeys } from '../../src/platform/migrations/distribution-keys.ts';

describe('schema distribution by tenant', () => {
  const ctx = useTestDb();

  it('every table of the migrated schema follows the rule', async () => {
    const facts = await readSchemaFacts(ctx.database.db);
    assert.ok(facts.tables.filter((t) => t.kind === 'tenant').length > 100, 'tenant tables found');
    assert.deepEqual(distributionViolations(facts), []);
  });

  it('every global table named in the list exists', async () => {
    const facts = await readSchemaFacts(ctx.database.db);
    const names = new Set(facts.tables.map((t) => t.name));
    assert.deepEqual(
      Object.keys(GLOBAL_TABLES).filter((t) => !names.has(t)),
      [],
    );
  });

  it('names each violation in a schema that breaks the rule', async () => {
    const db = ctx.database.db;
    await sql`create schema dist_bad`.execute(db);
    try {
      await sql`
        create table dist_bad.tenants (id text primary key);
        create table dist_bad.things (
          id int primary key, tenant_id text not null references dist_bad.tenants(id), code text not null,
          unique (code));
        create unique index things_live on dist_bad.things (code) where id > 0;
        create table dist_bad.parts (
          id int, tenant_id text not null, thing_id int references dist_bad.things(id),
          primary key (tenant_id, id));
        create table dist_bad.loose (id int primary key, thing_id int references dist_bad.things(id));
        create table dist_bad.users (id int primary key, loose_id int references dist_bad.loose(id));
      `.execute(db);
      const globals = { tenants: { kind: 'reference' as const }, users: { kind: 'reference' as const } };
      const violations = distributionViolations(await readSchemaFacts(db, 'dist_bad', globals), globals);
      assert.deepEqual(violations.sort(), [
        'loose.loose_thing_id_fkey: unlisted table references tenant table things',
        'loose: no non-null tenant_id and not listed in GLOBAL_TABLES (src/platform/db/distribution.ts)',
        'parts.parts_thing_id_fkey: foreign key to tenant table things does not pair tenant_id with things.tenant_id',
        'things.things_code_key: unique constraint (code) lacks tenant_id',
        'things.things_live: unique index (code) lacks tenant_id',
        'things.things_pkey: primary key (id) lacks tenant_id',
        'users.users_loose_id_fkey: reference table references loose, which is not a reference table',
      ]);
    } finally {
      await sql`drop schema dist_bad cascade`.execute(db);
    }
  });

  it('the key migration rewrites old keys and keeps rows, delete rules and the tenant column', async () => {
    const db = ctx.database.db;
    await sql`create schema dist_old`.execute(db);
    try {
      await sql`
        create table dist_old.tenants (id text primary key);
        create table dist_old.owners (
          id int primary key, tenant_id text not null references dist_old.tenants(id) on delete cascade,
          code text not null unique, unique (tenant_id, id));
        create unique index owners_live on dist_old.owners (lower(code)) where id > 0;
        create table dist_old.notes (
          id int primary key, tenant_id text not null references dist_old.tenants(id),
          owner_id int references dist_old.owners(id) on delete set null,
          pinned_owner int,
          foreign key (tenant_id, pinned_owner) references dist_old.owners(tenant_id, id) on delete cascade);
        insert into dist_old.tenants values ('a'), ('b');
        insert into dist_old.owners values (1, 'a', 'x'), (2, 'b', 'y');
        insert into dist_old.notes values (10, 'a', 1, null), (11, 'b', 2, 2);
      `.execute(db);
      const globals = { tenants: { kind: 'reference' as const } };
      const before = distributionViolations(await readSchemaFacts(db, 'dist_old', globals), globals);
      assert.equal(before.length, 5, before.join('\n'));

      const { rewritten } = await rewriteDistributionKeys(db, 'dist_old');
      assert.equal(rewritten, 5);
      const facts = await readSchemaFacts(db, 'dist_old', globals);
      assert.deepEqual(distributionViolations(facts, globals), []);
      // The old unique (tenant_id, id) repeated the new primary key and is gone.
      assert.deepEqual(
        facts.keys.filter((k) => k.table === 'owners').map((k) => `${k.name} ${k.cols.join(',')}`),
        ['owners_code_key tenant_id,code', 'owners_pkey tenant_id,id'],
      );

      // set null clears the reference, not the tenant; cascade still cascades.
      await sql`delete from dist_old.owners where id = 1`.execute(db);
      await sql`delete from dist_old.owners where id = 2`.execute(db);
      const notes = await sql<{ id: number; tenant_id: string; owner_id: number | null }>`
        select id, tenant_id, owner_id from dist_old.notes order by id`.execute(db);
      assert.deepEqual(notes.rows, [{ id: 10, tenant_id: 'a', owner_id: null }]);
      // A reference into another tenant is refused now.
      await sql`insert into dist_old.owners values (3, 'b', 'z')`.execute(db);
      await assert.rejects(sql`insert into dist_old.notes values (12, 'a', 3, null)`.execute(db), /foreign key/);
    } finally {
      await sql`drop schema dist_old cascade`.execute(db);
    }
  });
});
