#!/usr/bin/env node
// Command-line entry (`npm start`, `samenhang <command>`): runs the app from an esbuild bundle of
// src/main.ts under plain Node. The bundle is built on the first start and again whenever a source
// file changed (scripts/server-build.mjs, in a child process; about a second), so there is no build
// step to remember and never a stale bundle. The tsx loader would cost about 80 MB of memory and
// seconds of start-up (docs/performance.md, issue 17). SAMENHANG_TSX=1 runs src/main.ts through
// tsx instead, as does a checkout where the build folder cannot be written.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';
import { CANNOT_WRITE, currentServerBuild } from '../scripts/server-build.mjs';

// Stack traces point at the .ts sources (as --enable-source-maps does).
process.setSourceMapsEnabled(true);

let main = null;
if (process.env.SAMENHANG_TSX !== '1') {
  main = currentServerBuild();
  if (!main) {
    const script = fileURLToPath(new URL('../scripts/server-build.mjs', import.meta.url));
    const built = spawnSync(process.execPath, [script], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (built.status === CANNOT_WRITE) process.stderr.write('Running the sources through tsx instead.\n');
    else if (built.status !== 0) process.exit(built.status ?? 1);
    else main = currentServerBuild();
    if (!main && built.status === 0) throw new Error('A source file changed while the server was being built; start again.');
  }
}
if (main) await import(pathToFileURL(main).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
