/**
 * A first start on an empty PGlite data directory prepares it in a child process: PGlite's initdb
 * (its own WebAssembly instance, about 430 MB that the process never hands back), the migrations
 * and, with SEED=demo, the demo data run there, and the child exits. The server then opens the
 * prepared directory as any later start does, so a first start holds no more memory than a restart
 * (docs/performance.md, issue 17). PostgreSQL needs none of this.
 */
import { spawn } from 'node:child_process';
import type { Config } from '../platform/config.ts';
import { pgliteDataDirExists } from '../platform/db/database.ts';

/** Set in the child so that it never prepares again (it does the work in its own process). */
const CHILD_MARK = 'SAMENHANG_PREPARING_DATA_DIR';

/** True when `serve` should prepare the data directory in a child before opening it. */
export function needsPreparation(config: Pick<Config, 'databaseUrl' | 'dataDir'>): boolean {
  return config.databaseUrl === null && process.env[CHILD_MARK] !== '1' && !pgliteDataDirExists(config.dataDir);
}

/**
 * Run this same command line (same Node flags, same entry: tsx, a build, or bin/samenhang.mjs) as
 * `migrate`, or `seed --demo --quiet` with SEED=demo, and wait for it. Its output is this process's.
 * Throws when the child fails; the directory may then be half made, and the next start goes on
 * from there in-process (migrations and the demo seed both check what is there).
 */
export async function prepareInChild(config: Pick<Config, 'seed'>, write: (line: string) => void): Promise<void> {
  const entry = process.argv[1];
  if (!entry) throw new Error('Cannot find the entry script to prepare the data directory with.');
  const args = config.seed === 'demo' ? ['seed', '--demo', '--quiet'] : ['migrate'];
  write(
    config.seed === 'demo'
      ? 'New data directory: creating the database and loading the demo data (in a separate process)…'
      : 'New data directory: creating the database (in a separate process)…',
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, entry, ...args], {
      env: { ...process.env, [CHILD_MARK]: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(signal ? null : c));
  });
  if (code !== 0) throw new Error(`Preparing the data directory failed (exit ${code ?? 'by signal'}).`);
}
