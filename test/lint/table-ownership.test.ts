/**
 * A module queries only its own tables (and the platform only the platform's): every other
 * module's data is reached through that module's service functions. Tests, test support and
 * migrations are left out (tests look into any table to check what was stored).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { foreignQueries, sourceFiles, tableOwners } from './table-owners.ts';

const owners = tableOwners('src');

describe('table ownership', () => {
  it('knows an owner for every table the migrations create', () => {
    const created = new Set<string>();
    for (const file of sourceFiles('src').filter((f) => /migrations/.test(f))) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /createTable\(\s*'([a-z_0-9]+)'|create table (?:if not exists )?([a-z_0-9]+)/gi,
      )) {
        created.add((m[1] ?? m[2])!);
      }
    }
    assert.ok(created.size > 50, `found ${created.size} tables`);
    assert.deepEqual(
      [...created].filter((t) => !owners.has(t)),
      [],
    );
  });

  it('no module or platform code queries a table another module owns', () => {
    const problems = sourceFiles('src')
      .filter((f) => !/\.test\.tsx?$|test-support|\/migrations\/|migrations\.ts$/.test(f))
      .flatMap((f) => foreignQueries(relative(process.cwd(), f), readFileSync(f, 'utf8'), owners));
    assert.deepEqual(problems, []);
  });

  it("catches probes: a builder, a join and raw SQL on another module's table", () => {
    assert.equal(owners.get('signals_signals'), 'signals');
    assert.equal(owners.get('users'), 'people');
    // Tenants, memberships and sessions are the platform's (their migrations stay in areas and people).
    assert.equal(owners.get('tenants'), 'platform');
    assert.equal(owners.get('memberships'), 'platform');
    assert.equal(owners.get('sessions'), 'platform');
    assert.equal(owners.get('jobs'), 'platform');
    assert.deepEqual(foreignQueries('src/modules/helpmatch/probe.store.ts', "db.selectFrom('signals_signals').selectAll()", owners), [
      'src/modules/helpmatch/probe.store.ts (helpmatch) queries signals_signals (signals)',
    ]);
    assert.equal(
      foreignQueries(
        'src/modules/signals/probe.ts',
        "db.selectFrom('signals_signals as s').innerJoin('memberships as m', 'm.user_id', 's.created_by')",
        owners,
      ).length,
      1,
    );
    assert.equal(foreignQueries('src/modules/signals/probe.ts', 'sql`select 1 from jobs where kind = ${k}`', owners).length, 1);
    assert.equal(foreignQueries('src/platform/probe.ts', "db.deleteFrom('help_requests')", owners).length, 1);
    assert.deepEqual(
      foreignQueries(
        'src/modules/signals/probe.ts',
        "db.selectFrom('signals_signals').innerJoin('signals_categories as c', 'c.id', 'category_id')",
        owners,
      ),
      [],
    );
  });
});
