/**
 * Files shipped with the project are found from PROJECT_ROOT (src/platform/paths.ts), never from
 * `import.meta.url` or `import.meta.dirname`: the test runner compiles the code into another folder
 * (scripts/run-tests.mjs), where a path relative to the module would point at nothing. Resolving a
 * package with `createRequire(import.meta.url)` is fine (node_modules is found from any folder in
 * the checkout). Proven to catch each form on a probe.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ALLOWED_FILE = 'src/platform/paths.ts';

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** Lines that use import.meta for anything but createRequire. */
function offending(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return;
    const uses = line.match(/import\.meta\.\w+/g) ?? [];
    const allowed = line.match(/createRequire\(import\.meta\.url\)/g) ?? [];
    if (uses.length > allowed.length) lines.push(i + 1);
  });
  return lines;
}

describe('project paths (lint)', () => {
  it('no code in src/ or test/ finds files relative to its own module', () => {
    const found = [...sourceFiles('src'), ...sourceFiles('test')]
      .filter((f) => f !== ALLOWED_FILE && f !== join('test', 'lint', 'project-paths.test.ts'))
      .flatMap((f) => offending(readFileSync(f, 'utf8')).map((n) => `${f}:${n}`));
    assert.deepEqual(found, []);
  });

  it('catches each form on a probe and leaves createRequire alone', () => {
    const probe = [
      "const a = new URL('./x.json', import.meta.url);",
      "const b = join(import.meta.dirname, 'x');",
      'const c = fileURLToPath(import.meta.url);',
      'const require = createRequire(import.meta.url);',
      '// import.meta.url in a comment',
    ].join('\n');
    assert.deepEqual(offending(probe), [1, 2, 3]);
  });
});
