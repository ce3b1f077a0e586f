/**
 * The server build that `npm start` and `bin/samenhang.mjs` run: `src/main.ts` bundled by esbuild
 * with the options of the test build (scripts/test-build.mjs: code shared by lazily imported parts
 * split into chunks, packages left to node_modules, linked source maps), so the app runs under
 * plain Node without the tsx loader (about 80 MB less memory and a faster start, see
 * docs/performance.md, issue 17 memory).
 *
 * No build step to remember: `ensureServerBuild` is called on every start. It keeps a manifest of
 * every source file that went into the current build with a hash of the content esbuild compiled
 * (read by a plugin, so a file edited during a build cannot be recorded with its new hash), and
 * rebuilds when any of them changed or is gone, or when the build options, this file or the
 * esbuild version changed. Checking takes a few tens of milliseconds; a build about a second.
 * A file that no source imports cannot matter; a newly added file matters only once a source
 * imports it, and that source then has changed.
 *
 * Builds go to `.tmp/server/<key>/` (inside the checkout, so packages resolve from node_modules
 * and PROJECT_ROOT finds package.json), first into a private folder that is then renamed, and the
 * manifest is replaced by a rename: processes starting together (several app processes, the
 * preparing child of src/cli/prepare.ts) never see half a build. The three newest earlier builds
 * are kept, as a server still running an older build may load a lazily imported chunk of it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { testBuildOptions } from './test-build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'src/main.ts';
const KEEP_OLD_BUILDS = 3;

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.json': 'json' };

const sha = (data) => createHash('sha256').update(data).digest('hex');

function esbuildVersion(root) {
  try {
    return createRequire(join(root, 'package.json'))('esbuild/package.json').version;
  } catch {
    return 'unknown';
  }
}

/** What besides the sources decides the output: the options, this file, the esbuild version. */
function configKey(root) {
  const own = [join(ROOT, 'scripts', 'test-build.mjs'), fileURLToPath(import.meta.url)].map((f) => sha(readFileSync(f)));
  return sha(JSON.stringify([ENTRY, esbuildVersion(root), ...own]));
}

function readManifest(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** True when every recorded input still has the content that was compiled. */
function isFresh(root, manifest, config, entryOut) {
  if (!manifest || manifest.config !== config || typeof manifest.inputs !== 'object') return false;
  if (typeof manifest.dir !== 'string' || !existsSync(join(root, '.tmp', 'server', manifest.dir, entryOut))) return false;
  for (const [path, hash] of Object.entries(manifest.inputs)) {
    let content;
    try {
      content = readFileSync(join(root, path));
    } catch {
      return false;
    }
    if (sha(content) !== hash) return false;
  }
  return true;
}

/** An esbuild plugin that loads our source files itself and records the hash of what it read. */
function hashingPlugin(root, inputs) {
  return {
    name: 'hash-inputs',
    setup(b) {
      b.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace !== 'file') return undefined;
        const content = readFileSync(args.path);
        inputs[relative(root, args.path).replace(/\\/g, '/')] = sha(content);
        const loader = LOADERS[extname(args.path)];
        return loader ? { contents: content, loader } : undefined;
      });
    },
  };
}

/** Remove earlier builds but the newest few (and any private folder left by a crashed build). */
function prune(base, current) {
  const dirs = readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== current)
    .map((d) => ({ name: d.name, mtime: statSync(join(base, d.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const hour = 3600_000;
  for (const [i, d] of dirs.entries()) {
    const building = d.name.startsWith('building-');
    if ((building && Date.now() - d.mtime > hour) || (!building && i >= KEEP_OLD_BUILDS)) {
      rmSync(join(base, d.name), { recursive: true, force: true });
    }
  }
}

/**
 * The compiled entry of the current build when it is up to date with the sources, else null.
 * Reads and hashes the sources only; esbuild is not loaded.
 * @param {{ root?: string, entry?: string }} [options]
 * @returns {string | null}
 */
export function currentServerBuild(options = {}) {
  const root = options.root ?? ROOT;
  const entry = options.entry ?? ENTRY;
  // The compiled entry, relative to a build folder (esbuild keeps the path below `outbase: '.'`).
  const entryOut = entry.replace(/\.tsx?$/, '.mjs');
  const manifest = readManifest(join(root, '.tmp', 'server', 'manifest.json'));
  return isFresh(root, manifest, sha(configKey(root) + entry), entryOut) ? join(root, '.tmp', 'server', manifest.dir, entryOut) : null;
}

/**
 * Build `src/main.ts` when the current build is missing or stale; returns the absolute path of the
 * compiled entry. `log` receives one line when a build runs.
 * @param {{ root?: string, entry?: string, log?: (line: string) => void }} [options]
 *   root: the checkout (default: this file's); entry: the file to build, relative to root
 * @returns {Promise<{ main: string, built: boolean, ms: number }>}
 */
export async function ensureServerBuild(options = {}) {
  const started = performance.now();
  const current = currentServerBuild(options);
  if (current) return { main: current, built: false, ms: performance.now() - started };
  const root = options.root ?? ROOT;
  const entry = options.entry ?? ENTRY;
  const entryOut = entry.replace(/\.tsx?$/, '.mjs');
  const base = join(root, '.tmp', 'server');
  const manifestFile = join(base, 'manifest.json');
  const config = sha(configKey(root) + entry);

  mkdirSync(base, { recursive: true });
  const building = join(base, `building-${process.pid}-${Date.now()}`);
  const inputs = {};
  const { build } = await import('esbuild');
  const opts = testBuildOptions([entry], building);
  try {
    await build({
      ...opts,
      absWorkingDir: root,
      // Stack traces need the mappings, not the sources' text: a smaller map to hold in memory.
      sourcesContent: false,
      logLevel: 'error',
      plugins: [...(opts.plugins ?? []), hashingPlugin(root, inputs)],
    });
  } catch (err) {
    rmSync(building, { recursive: true, force: true });
    throw err;
  }
  const sorted = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
  const dir = sha(config + JSON.stringify(sorted)).slice(0, 16);
  const target = join(base, dir);
  if (existsSync(join(target, entryOut))) rmSync(building, { recursive: true, force: true });
  else {
    try {
      renameSync(building, target);
    } catch (err) {
      // Another process renamed the same build into place first: use that one.
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(join(target, entryOut))) throw err;
    }
  }
  const tmpManifest = `${manifestFile}.${process.pid}`;
  writeFileSync(tmpManifest, JSON.stringify({ config, dir, inputs: sorted }, null, 1));
  renameSync(tmpManifest, manifestFile);
  try {
    prune(base, dir);
  } catch {
    // Pruning is tidying up; another process may be doing the same.
  }
  const ms = performance.now() - started;
  options.log?.(`Built the server (${Object.keys(sorted).length} source files, ${Math.round(ms)} ms): ${relative(root, target)}`);
  return { main: join(target, entryOut), built: true, ms };
}

/** Exit code of `node scripts/server-build.mjs` when the build folder cannot be written. */
export const CANNOT_WRITE = 3;

// `node scripts/server-build.mjs`: build if needed (bin/samenhang.mjs runs this in a child process,
// so the server itself never loads esbuild or keeps its service process).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await ensureServerBuild({ log: (line) => process.stderr.write(`${line}\n`) });
  } catch (err) {
    const code = /** @type {{ code?: string }} */ (err).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      process.stderr.write(`Cannot write the server build in ${join(ROOT, '.tmp', 'server')} (${code}).\n`);
      process.exitCode = CANNOT_WRITE;
    } else {
      // esbuild has already printed what is wrong in a source file.
      if (!(err instanceof Error && 'errors' in err)) process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    }
  }
}
