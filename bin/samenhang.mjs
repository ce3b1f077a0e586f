#!/usr/bin/env node
// Command-line entry (`npm start`, `samenhang <command>`): runs the app from an esbuild bundle of
// src/main.ts under plain Node, built here on the first start and again whenever a source file
// changed (scripts/server-build.mjs; about a second), so no build step is needed. The tsx loader
// would cost about 80 MB of memory and seconds of start-up (docs/performance.md, issue 17).
// SAMENHANG_TSX=1 runs src/main.ts through tsx instead, as does a checkout where the build folder
// cannot be written.
import { pathToFileURL } from 'node:url';

// Stack traces point at the .ts sources (as --enable-source-maps does).
process.setSourceMapsEnabled(true);

async function viaTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}

if (process.env.SAMENHANG_TSX === '1') await viaTsx();
else {
  const { ensureServerBuild } = await import('../scripts/server-build.mjs');
  let main = null;
  try {
    ({ main } = await ensureServerBuild({ log: (line) => process.stderr.write(`${line}\n`) }));
  } catch (err) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(err?.code)) throw err;
    process.stderr.write(`Cannot write the server build (${err.code}); running the sources through tsx.\n`);
  }
  if (main) await import(pathToFileURL(main).href);
  else await viaTsx();
}
