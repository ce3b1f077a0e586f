import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder upward from this file whose package.json is ours. Files the
 * code ships beside it (public/, seed-data/, standards, word lists) are found from here, so the
 * same code works when it runs from `src/` through tsx and from a compiled copy elsewhere in the
 * checkout (the test build under `.tmp/`, see scripts/run-tests.mjs).
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'samenhang') return dir;
    if (dirname(dir) === dir) throw new Error(`No samenhang package.json above ${start}`);
  }
}

/** A path inside the project, e.g. `projectPath('public')`. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
