/**
 * Migrations load without the app: `src/modules/migrations.ts` (used by the command line and the
 * test-database setup) must not pull in a route, view, service or store, directly or through another
 * file. Proven to catch a violation on a probe, and to hold for the real file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const FORBIDDEN = /(\.routes\.tsx?$|\/views\/|\.service\.ts$|\.store\.ts$|\/app\.ts$|\.tsx$)/;
// Value imports only: `import type` and `export type` do not load code at run time.
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;

/** Every file a module loads at run time through relative imports, itself included. */
function loadedFiles(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1]!);
      if (existsSync(target)) queue.push(target);
    }
  }
  return [...seen];
}

describe('migrations load without the app', () => {
  it('src/modules/migrations.ts loads no route, view, service or store', () => {
    const files = loadedFiles('src/modules/migrations.ts');
    assert.ok(files.length > 5, 'the platform and module migrations are found');
    assert.deepEqual(
      files.filter((f) => FORBIDDEN.test(f)),
      [],
    );
  });

  it('catches a migration that imports a service through another file (probe)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sh-migrations-'));
    writeFileSync(
      join(dir, 'migrations.ts'),
      "import { m } from './m1.ts';\nimport type { X } from './x.service.ts';\nexport const all = m;\n",
    );
    writeFileSync(join(dir, 'm1.ts'), "import { helper } from './helper.ts';\nexport const m = helper;\n");
    writeFileSync(join(dir, 'helper.ts'), "export { thing as helper } from './people.service.ts';\n");
    writeFileSync(join(dir, 'people.service.ts'), 'export const thing = 1;\n');
    writeFileSync(join(dir, 'x.service.ts'), 'export type X = number;\n');
    const bad = loadedFiles(join(dir, 'migrations.ts')).filter((f) => FORBIDDEN.test(f));
    assert.deepEqual(
      bad.map((f) => f.slice(dir.length + 1)),
      ['people.service.ts'],
      'the re-export is followed; the type-only import is not',
    );
  });

  it('lists every module that has migrations, so a new module cannot be left out of the schema', () => {
    assert.deepEqual(unlistedModules('src/modules'), []);
  });

  it('finds a module whose migrations are not listed (probe)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sh-modules-'));
    for (const m of ['listed', 'forgotten']) {
      mkdirSync(join(dir, m, 'migrations'), { recursive: true });
      writeFileSync(join(dir, m, 'migrations', 'index.ts'), 'export const x = {};\n');
    }
    mkdirSync(join(dir, 'nomigrations'));
    writeFileSync(join(dir, 'migrations.ts'), "import { x } from './listed/migrations/index.ts';\n");
    assert.deepEqual(unlistedModules(dir), ['forgotten']);
  });
});

/** Module folders under `dir` with a migrations/index.ts that `dir`/migrations.ts does not load. */
function unlistedModules(dir: string): string[] {
  const loaded = new Set(loadedFiles(join(dir, 'migrations.ts')));
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migrations', 'index.ts')))
    .filter((d) => !loaded.has(resolve(dir, d.name, 'migrations', 'index.ts')))
    .map((d) => d.name);
}
