#!/usr/bin/env node
/**
 * Fails when a production dependency (direct or transitive, as installed from package-lock.json)
 * declares an `engines.node` range that excludes the lowest Node.js version we promise in
 * package.json (`engines.node`, e.g. ">=20.19" → 20.19.0). Dev dependencies are not checked:
 * they never run in production. Run by `npm run lint` and so by CI.
 */
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';
import semver from 'semver';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));

const promised = semver.minVersion(pkg.engines?.node ?? '');
if (!promised) {
  console.error('package.json has no usable engines.node range.');
  process.exit(1);
}

const problems = [];
let checked = 0;
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (path === '' || entry.dev || entry.optional) continue;
  const range = entry.engines?.node;
  checked += 1;
  if (!range) continue;
  if (!semver.satisfies(promised, range, { includePrerelease: false })) {
    problems.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} requires node ${range}`);
  }
}

if (problems.length > 0) {
  console.error(`Production dependencies that exclude Node.js ${promised} (package.json promises ${pkg.engines.node}):`);
  for (const p of problems) console.error(`  - ${p}`);
  console.error('Pin a version whose engines accept it, or add an override in package.json.');
  process.exit(1);
}
console.log(`engines: ${checked} production packages accept Node.js ${promised}.`);
