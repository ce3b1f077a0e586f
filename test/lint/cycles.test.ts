/**
 * `npm run cycles` (part of `npm run lint`) fails on an import cycle: proven here on a probe of two
 * files that import each other, and passing on two that do not. Type-only imports do not count.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DPDM = resolve('node_modules/dpdm/lib/bin/dpdm.js');

function cyclesIn(files: Record<string, string>): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'sh-cycles-'));
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
  const run = spawnSync(
    process.execPath,
    [DPDM, '--no-warning', '--no-tree', '--transform', '--exit-code', 'circular:1', join(dir, 'a.ts')],
    { encoding: 'utf8' },
  );
  return run.status;
}

describe('import cycles (lint)', () => {
  it('fails on two files that import each other', () => {
    assert.equal(
      cyclesIn({
        'a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
        'b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      }),
      1,
    );
  });
  it('passes without a cycle, and when the way back is a type-only import', () => {
    assert.equal(cyclesIn({ 'a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n", 'b.ts': 'export const b = 1;\n' }), 0);
    assert.equal(
      cyclesIn({
        'a.ts': "import { b } from './b.ts';\nexport type A = number;\nexport const a = () => b;\n",
        'b.ts': "import type { A } from './a.ts';\nexport const b: A = 1;\n",
      }),
      0,
    );
  });
});
