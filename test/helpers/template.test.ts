import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsHash } from './template.ts';

describe('test-database template hash', () => {
  it('changes when any migration file changes, in a migrations/ folder or named migrations.ts', () => {
    const root = mkdtempSync(join(tmpdir(), 'sh-template-'));
    mkdirSync(join(root, 'a', 'migrations'), { recursive: true });
    mkdirSync(join(root, 'b', 'api'), { recursive: true });
    writeFileSync(join(root, 'a', 'migrations', 'index.ts'), 'one');
    writeFileSync(join(root, 'b', 'api', 'migrations.ts'), 'two');
    writeFileSync(join(root, 'b', 'api', 'routes.ts'), 'routes');
    const first = migrationsHash(root);
    writeFileSync(join(root, 'b', 'api', 'routes.ts'), 'other routes');
    assert.equal(migrationsHash(root), first, 'other files do not count');
    writeFileSync(join(root, 'b', 'api', 'migrations.ts'), 'two, changed');
    const second = migrationsHash(root);
    assert.notEqual(second, first);
    writeFileSync(join(root, 'a', 'migrations', 'index.ts'), 'one, changed');
    assert.notEqual(migrationsHash(root), second);
  });
});
