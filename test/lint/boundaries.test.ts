/**
 * The module-boundary lint rules (eslint/boundaries.js) catch deliberate violations (probes) and
 * leave allowed imports alone. `npm run lint` runs the same rules over the whole tree.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import boundaries from '../../eslint/boundaries.js';

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { samenhang: boundaries },
    rules: { 'samenhang/platform-imports-no-module': 'error', 'samenhang/no-foreign-data': 'error' },
  },
] satisfies Linter.Config[];

/** Rule ids reported for `code` as if it were the file at `path` (repository-relative). */
function violations(path: string, code: string): string[] {
  return linter.verify(code, config, { filename: resolve(path) }).map((m) => m.ruleId ?? m.message);
}

describe('module boundaries (lint)', () => {
  it('refuses a module import in the platform and in ui, also dynamic and re-exports', () => {
    assert.deepEqual(violations('src/platform/http/probe.ts', "import { MODULES } from '../../modules/index.ts';"), [
      'samenhang/platform-imports-no-module',
    ]);
    assert.deepEqual(violations('src/ui/probe.tsx', "import type { X } from '../modules/signals/views/list.tsx';"), [
      'samenhang/platform-imports-no-module',
    ]);
    assert.deepEqual(violations('src/platform/probe.ts', "export { listTenants } from '../modules/areas/areas.service.ts';"), [
      'samenhang/platform-imports-no-module',
    ]);
    assert.deepEqual(violations('src/platform/probe.ts', "await import('../modules/people/people.service.ts');"), [
      'samenhang/platform-imports-no-module',
    ]);
  });

  it("refuses another module's store, tables, store folder and migrations", () => {
    for (const target of [
      '../signals/signals.store.ts',
      '../signals/signals.tables.ts',
      '../socialmap/store/hsds.ts',
      '../people/migrations/index.ts',
      '../signals/open311/migrations.ts',
    ]) {
      assert.deepEqual(
        violations('src/modules/helpmatch/probe.ts', `import * as x from '${target}';`),
        ['samenhang/no-foreign-data'],
        target,
      );
    }
    assert.deepEqual(violations('src/modules/helpmatch/service/probe.ts', "import * as x from '../../../modules/areas/areas.store.ts';"), [
      'samenhang/no-foreign-data',
    ]);
  });

  it('allows what the shape allows', () => {
    assert.deepEqual(violations('src/modules/helpmatch/probe.ts', "import { listAreas } from '../areas/areas.service.ts';"), []);
    assert.deepEqual(violations('src/modules/helpmatch/probe.ts', "import * as store from './helpmatch.store.ts';"), []);
    assert.deepEqual(violations('src/modules/index.ts', "import { isWithinAdminReach } from './people/people.service.ts';"), []);
    assert.deepEqual(violations('src/platform/http/probe.ts', "import { z } from 'zod';\nimport { x } from '../db/database.ts';"), []);
    assert.deepEqual(
      violations('src/platform/http/probe.test.ts', "import { x } from '../../modules/areas/codes.ts';"),
      [],
      'tests of the assembled app may',
    );
    assert.deepEqual(violations('src/app.ts', "import { MODULES } from './modules/index.ts';"), []);
  });
});
