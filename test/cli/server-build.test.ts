/**
 * The server build of `npm start` (scripts/server-build.mjs): built when missing, reused while no
 * source changed, rebuilt as soon as one did (never a stale bundle), safe when processes start
 * together, and stack traces that point at the .ts sources. On a small project in a temporary
 * folder, and once on the real checkout through bin/samenhang.mjs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ensureServerBuild } from '../../scripts/server-build.mjs';
import { ROOT } from '../e2e/helpers/process.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'samenhang-server-build-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'probe', type: 'module' }));
  writeFileSync(
    join(root, 'src', 'main.ts'),
    "import { greeting } from './greet.ts';\nconst who: string = process.argv[2] ?? 'world';\nif (who === 'crash') throw new Error('crashed on purpose');\nconsole.log(greeting(who));\n",
  );
  writeFileSync(join(root, 'src', 'greet.ts'), 'export const greeting = (who: string): string => `hallo ${who}`;\n');
  return root;
}

function run(main: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--enable-source-maps', main, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the server build of npm start (scripts/server-build.mjs)', () => {
  it('builds when missing, reuses while nothing changed, rebuilds when a source changed', async () => {
    const root = project();
    const first = await ensureServerBuild({ root });
    assert.equal(first.built, true);
    assert.equal(run(first.main, 'wijk').stdout, 'hallo wijk\n');

    const second = await ensureServerBuild({ root });
    assert.equal(second.built, false, 'nothing changed: the build is reused');
    assert.equal(second.main, first.main);

    // An imported file changes (not the entry): the next start must not serve the old bundle.
    writeFileSync(join(root, 'src', 'greet.ts'), 'export const greeting = (who: string): string => `dag ${who}`;\n');
    const third = await ensureServerBuild({ root });
    assert.equal(third.built, true, 'a changed source is rebuilt');
    assert.notEqual(third.main, first.main);
    assert.equal(run(third.main, 'buurt').stdout, 'dag buurt\n');
    assert.equal((await ensureServerBuild({ root })).built, false);
  });

  it('rebuilds when an input is gone, and reports a broken source instead of serving the old build', async () => {
    const root = project();
    await ensureServerBuild({ root });
    rmSync(join(root, 'src', 'greet.ts'));
    await assert.rejects(ensureServerBuild({ root }), /greet\.ts/);
  });

  it('processes starting together get one complete build', async () => {
    const root = project();
    const results = await Promise.all([ensureServerBuild({ root }), ensureServerBuild({ root }), ensureServerBuild({ root })]);
    for (const r of results) assert.equal(run(r.main, 'samen').stdout, 'hallo samen\n');
    assert.equal(new Set(results.map((r) => r.main)).size, 1, 'the same sources give the same build folder');
  });

  it('stack traces point at the TypeScript sources', async () => {
    const root = project();
    const { main } = await ensureServerBuild({ root });
    const r = run(main, 'crash');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /crashed on purpose/);
    assert.match(r.stderr, /src\/main\.ts:3\b/, r.stderr);
  });

  it('bin/samenhang.mjs runs the real app from the build', () => {
    const r = spawnSync(process.execPath, ['bin/samenhang.mjs', 'help'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SAMENHANG_TSX: '' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Usage: samenhang <command>/);
  });
});
