/**
 * scripts/test-build.mjs decides which test files run once (no way to a database) and which run on
 * both engines. A file that reaches a database must never be put among the first: checked on known
 * test files of both kinds and on probes with each way in (a helper, a package, an `import()`, an
 * environment variable, our own plain JavaScript). The build is the runner's, without writing files.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { databaseReasons, testBuildOptions } from '../../scripts/test-build.mjs';

const KNOWN_WITH_DB = ['src/modules/areas/admin/admin.test.ts', 'test/cli/signals-kill.test.ts'];
const KNOWN_WITHOUT_DB = ['src/platform/ids.test.ts', 'test/lint/project-paths.test.ts', 'test/cli/start.test.ts'];

// Written so that this file itself names neither variable (it would then count as reaching a database).
const ENGINE_VAR = ['TEST', 'ENGINE'].join('_');
const URL_VAR = ['TEST', 'DATABASE', 'URL'].join('_');

describe('test build: which test files need a database', () => {
  let dir = '';
  const probes: Record<string, string> = {};
  let reasons = new Map<string, string | null>();

  before(async () => {
    mkdirSync('.tmp', { recursive: true });
    dir = mkdtempSync(join('.tmp', 'test-build-probe-'));
    const probe = (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      probes[name] = file;
    };
    const up = '../../';
    probe('pure.test.ts', `import { isUuid } from '${up}src/platform/ids.ts';\nconsole.log(isUuid('x'));\n`);
    probe('app-helper.test.ts', `import { useTestApp } from '${up}test/helpers/app.ts';\nuseTestApp();\n`);
    probe('pg-only.test.ts', `import pg from 'pg';\nconsole.log(typeof pg);\n`);
    probe('kysely-only.test.ts', `import { sql } from 'kysely';\nconsole.log(typeof sql);\n`);
    probe('later.test.ts', `const m = await import('${up}test/helpers/db.ts');\nconsole.log(typeof m);\n`);
    probe('env.test.ts', `console.log(process.env.${URL_VAR});\n`);
    probe('engine-in-helper.ts', `export const engine = process.env.${ENGINE_VAR};\n`);
    probe('via-helper.test.ts', `import { engine } from './engine-in-helper.ts';\nconsole.log(engine);\n`);
    probe('own-js.mjs', `import pg from 'pg';\nexport default pg;\n`);
    probe('own-js.test.ts', `import x from './own-js.mjs';\nconsole.log(typeof x);\n`);
    probe(
      'type-only.test.ts',
      `import type { DbHandle } from '${up}src/platform/db/database.ts';\nconst h: DbHandle | null = null;\nconsole.log(h);\n`,
    );
    const tests = Object.values(probes).filter((f) => f.endsWith('.test.ts'));
    const entries = [...KNOWN_WITH_DB, ...KNOWN_WITHOUT_DB, ...tests];
    const result = await build({ ...testBuildOptions(entries, join(dir, 'out')), write: false });
    reasons = databaseReasons(result.metafile as Metafile, entries);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('known test files that open a database need one', () => {
    for (const f of KNOWN_WITH_DB) assert.ok(reasons.get(f), `${f}: ${reasons.get(f)}`);
    assert.match(reasons.get('src/modules/areas/admin/admin.test.ts')!, /bundles (src\/platform\/db\/|test\/helpers\/db\.ts)/);
  });

  it('known pure test files do not', () => {
    for (const f of KNOWN_WITHOUT_DB) assert.equal(reasons.get(f), null, f);
  });

  it('every way in counts: a helper, a package, import(), an environment variable, our own JavaScript', () => {
    const need = (name: string, why: RegExp) => assert.match(reasons.get(probes[name]!) ?? 'no database', why, name);
    need('app-helper.test.ts', /bundles/);
    need('pg-only.test.ts', /imports pg/);
    need('kysely-only.test.ts', /imports kysely/);
    need('later.test.ts', /bundles (src\/platform\/db\/|test\/helpers\/db\.ts)/);
    need('env.test.ts', /names TEST_\w+ or TEST_\w+/);
    need('via-helper.test.ts', /engine-in-helper\.ts names/);
    need('own-js.test.ts', /loads .*own-js\.mjs/);
  });

  it('a type-only import and a pure import do not', () => {
    assert.equal(reasons.get(probes['type-only.test.ts']!), null);
    assert.equal(reasons.get(probes['pure.test.ts']!), null);
  });

  it('a file the metafile does not describe counts as needing one', () => {
    const r = databaseReasons({ inputs: {}, outputs: {} }, ['src/nowhere.test.ts']);
    assert.equal(r.get('src/nowhere.test.ts'), 'not in the build metafile');
  });
});
