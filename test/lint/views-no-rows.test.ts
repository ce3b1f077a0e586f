/**
 * Views take view models, not database rows (docs/modules.md, "Views"): a file under any `views/`
 * folder and a neighbourhood-section file (`<module>/section/section.tsx`) imports nothing from a
 * `*.store.ts`, a `*.tables.ts`, a `store/` folder or `migrations/` — types included. The service
 * (or a `<feature>.presenter.ts` beside it) exports the view model and the mapping; routes and
 * sections call the service. Proven to find each kind of import on a probe.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** A module specifier that reaches the data layer. */
const DATA = /(?:\.store\.ts|\.tables\.ts)$|(?:^|\/)store\/|(?:^|\/)migrations(?:\/|\.ts$|$)/;

/** Every specifier of a static import or export, a dynamic `import()` and an `import('…')` type. */
const SPECIFIERS = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];

function isViewFile(file: string): boolean {
  const parts = file.split(sep);
  if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) return false;
  return parts.includes('views') || (parts.at(-2) === 'section' && parts.at(-1) === 'section.tsx');
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else out.push(full);
  }
  return out;
}

/** The data-layer specifiers a text imports, as `line n: specifier`. */
function violations(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return;
    for (const re of SPECIFIERS) {
      for (const m of line.matchAll(re)) if (DATA.test(m[1]!)) found.push(`line ${i + 1}: ${m[1]}`);
    }
  });
  return found;
}

describe('views take view models, not rows (lint)', () => {
  it('no view and no neighbourhood section imports a store, tables or migrations file', () => {
    const checked = files('src').filter(isViewFile);
    assert.ok(checked.length > 50, `the views are found (${checked.length})`);
    assert.ok(checked.includes(join('src', 'modules', 'socialmap', 'section', 'section.tsx')), 'sections are checked');
    const all: string[] = [];
    for (const file of checked) for (const v of violations(readFileSync(file, 'utf8'))) all.push(`${file}: ${v}`);
    assert.deepEqual(all, []);
  });

  it('finds each kind of data import on a probe, and leaves services, presenters and comments alone', () => {
    const probe = [
      "import type { SignalListRow } from '../../signals.store.ts';",
      "import { areaCounts } from '../engine/dashboard.store.ts';",
      "import type { WeeklySlot } from '../helpmatch.tables.ts';",
      "import { x } from '../store/hsds.ts';",
      "import { y } from '../../migrations/index.ts';",
      "import { z } from '../open311/migrations.ts';",
      "export type { Row } from './keep.store.ts';",
      "type T = import('../keep.store.ts').SuggestionRow;",
      "const m = await import('../keep.store.ts');",
      "} from '../photos/photos.store.ts';",
    ].join('\n');
    assert.equal(violations(probe).length, 10, violations(probe).join('\n'));
    assert.deepEqual(
      violations(
        [
          "import type { ListPage } from '../list.service.ts';",
          "import type { SuggestionView } from '../keep.presenter.ts';",
          "import { restore } from '../restore.ts';",
          "import type { X } from '../storefront.ts';",
          '// see signals.store.ts',
          " * import { x } from '../x.store.ts'",
        ].join('\n'),
      ),
      [],
    );
  });

  it('checks the files under views/ and the section files, and nothing else', () => {
    assert.ok(isViewFile(join('src', 'modules', 'signals', 'list', 'views', 'list.tsx')));
    assert.ok(isViewFile(join('src', 'modules', 'helpmatch', 'views', 'parts.tsx')));
    assert.ok(isViewFile(join('src', 'modules', 'helpmatch', 'section', 'section.tsx')));
    assert.ok(!isViewFile(join('src', 'modules', 'signals', 'list', 'list.routes.tsx')));
    assert.ok(!isViewFile(join('src', 'modules', 'signals', 'section', 'section.service.ts')));
  });
});
