/**
 * The test build of scripts/run-tests.mjs: its esbuild options, and which test files need a
 * database.
 *
 * Which test files need a database is decided from the esbuild metafile of the test build: only
 * those run a second time on PostgreSQL. A test file needs a
 * database when anything in its bundle (its own code and every chunk it loads, statically or by
 * `import()`)
 *   - is a file under `src/platform/db/` or is `test/helpers/db.ts` (every way to open a database,
 *     and `useTestApp`/`useTestDb`, goes through them);
 *   - imports a database package: `pg`, `@electric-sql/pglite` or `kysely`;
 *   - mentions `TEST_ENGINE` or `TEST_DATABASE_URL` (a test that passes the database on to a process
 *     it starts). Two files are exempt: `test/e2e/helpers/process.ts` names them only to keep them
 *     away from the processes it starts, and this file only to describe the rule;
 *   - loads a JavaScript file of ours that is left out of the bundle (eslint/*.js) and that imports
 *     a database package, reaches into `platform/db/` or names one of those variables.
 * Everything else (pure functions, views, the lint checks, tests of processes that always use
 * their own PGlite) cannot see which engine runs and runs once, in the PGlite pass. When in doubt
 * a file counts as needing a database: an entry the metafile does not describe does too.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Plain JavaScript of our own (eslint/*.js) is loaded from where it is, not bundled: it finds
 * files relative to itself.
 */
const jsAsIs = {
  name: 'js-as-is',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.m?js$/ }, (args) => ({ path: resolve(args.resolveDir, args.path), external: true }));
  },
};

/**
 * esbuild options of the test build: each entry bundled, the code they share split into chunks,
 * packages left to node_modules, source maps on, and the metafile for `databaseReasons`. The
 * output folder must be inside the checkout, so that packages resolve from node_modules and
 * PROJECT_ROOT (src/platform/paths.ts) finds our package.json.
 * @param {string[]} entryPoints
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions & { metafile: true }}
 */
export function testBuildOptions(entryPoints, outdir) {
  return {
    entryPoints,
    outdir,
    metafile: true,
    outbase: '.',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [jsAsIs],
  };
}

const DB_FILES = [/^src\/platform\/db\//, /^test\/helpers\/db\.ts$/];
const DB_PACKAGES = /^(pg|@electric-sql\/pglite|kysely)(\/|$)/;
const ENGINE_VARS = /\b(TEST_ENGINE|TEST_DATABASE_URL)\b/;
const OUR_JS_TOUCHES_DB = /\b(TEST_ENGINE|TEST_DATABASE_URL)\b|platform\/db\/|['"](pg|@electric-sql\/pglite|kysely)(\/[^'"]*)?['"]/;
const EXEMPT = new Set(['test/e2e/helpers/process.ts', 'scripts/test-build.mjs']);

/** Normalise a metafile path (esbuild writes them relative to the working folder, with `/`). */
const norm = (p) => p.replace(/\\/g, '/').replace(/^\.\//, '');

/**
 * @param {import('esbuild').Metafile} metafile of a build with `bundle: true`
 * @param {string[]} entries the test files (relative paths, as given to esbuild)
 * @param {(path: string) => string} [read] reads a source file (for the variable names)
 * @returns {Map<string, string | null>} per entry: why it needs a database, or null when it does not
 */
export function databaseReasons(metafile, entries, read = (p) => readFileSync(p, 'utf8')) {
  const outputs = metafile.outputs;
  const byEntry = new Map();
  for (const [out, o] of Object.entries(outputs)) if (o.entryPoint) byEntry.set(norm(o.entryPoint), out);
  const mentions = new Map();
  const matches = (file, pattern) => {
    if (EXEMPT.has(file) || file.includes('node_modules/')) return false;
    const key = `${pattern.source}\0${file}`;
    if (!mentions.has(key)) {
      let text;
      try {
        text = read(file);
      } catch {
        text = 'TEST_ENGINE'; // unreadable: assume the worst
      }
      mentions.set(key, pattern.test(text));
    }
    return mentions.get(key);
  };
  const result = new Map();
  for (const entry of entries) {
    const start = byEntry.get(norm(entry));
    if (!start) {
      result.set(entry, 'not in the build metafile');
      continue;
    }
    let reason = null;
    const seen = new Set();
    const queue = [start];
    while (queue.length && !reason) {
      const out = queue.pop();
      if (seen.has(out)) continue;
      seen.add(out);
      const o = outputs[out];
      if (!o) {
        reason = `unknown chunk ${out}`;
        break;
      }
      for (const input of Object.keys(o.inputs).map(norm)) {
        if (DB_FILES.some((r) => r.test(input))) reason = `bundles ${input}`;
        else if (matches(input, ENGINE_VARS)) reason = `${input} names TEST_ENGINE or TEST_DATABASE_URL`;
        if (reason) break;
      }
      for (const imp of o.imports) {
        if (reason) break;
        if (!imp.external) queue.push(imp.path);
        else if (DB_PACKAGES.test(imp.path)) reason = `imports ${imp.path}`;
        else if (isAbsolute(imp.path) || imp.path.startsWith('.')) {
          const file = norm(isAbsolute(imp.path) ? relative(process.cwd(), imp.path) : imp.path);
          if (matches(file, OUR_JS_TOUCHES_DB)) reason = `loads ${file}, which may reach a database`;
        }
      }
    }
    result.set(entry, reason);
  }
  return result;
}
