/**
 * docs/authorization.md and the modules' policies say the same thing: for every module, the table
 * in the document has one row per action of `RULES` (src/modules/<module>/policies.ts) and one
 * column per subject, and each cell is the reach the rules give (`—` for none). A change to
 * either without the other fails here; proven on a probe.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SUBJECTS, type PolicyRules, type Subject } from '../../src/platform/principal.ts';
import { MODULE_POLICIES } from './module-policies.ts';

type Table = Map<string, Map<Subject, string>>;

/** The tables of the document, by module: `## <module>` followed by a Markdown table. */
export function documentTables(markdown: string): Map<string, Table> {
  const out = new Map<string, Table>();
  let module: string | null = null;
  let header: string[] | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^##\s+`?([a-z]+)`?\s*$/.exec(line);
    if (heading) {
      module = heading[1]!;
      header = null;
      continue;
    }
    if (!module || !line.startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim().replace(/`/g, ''));
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    if (!header) {
      header = cells;
      continue;
    }
    const table = out.get(module) ?? new Map<string, Map<Subject, string>>();
    const row = new Map<Subject, string>();
    header.slice(1).forEach((subject, i) => row.set(subject as Subject, cells[i + 1] ?? ''));
    table.set(cells[0]!, row);
    out.set(module, table);
  }
  return out;
}

/** Differences between a module's rules and its table, in words. */
export function differences(module: string, rules: PolicyRules<string>, table: Table | undefined): string[] {
  if (!table) return [`${module}: no table in docs/authorization.md`];
  const found: string[] = [];
  for (const action of Object.keys(rules)) {
    const row = table.get(action);
    if (!row) {
      found.push(`${module}: ${action} is in RULES but not in the document`);
      continue;
    }
    for (const subject of SUBJECTS) {
      const want = rules[action]![subject] ?? '—';
      const have = row.get(subject);
      if (have !== want) found.push(`${module}: ${action} for ${subject}: document says ${have ?? '(no column)'}, RULES say ${want}`);
    }
  }
  for (const action of table.keys()) if (!(action in rules)) found.push(`${module}: ${action} is in the document but not in RULES`);
  return found;
}

describe('authorization table and policies (lint)', () => {
  it('docs/authorization.md matches RULES of every module', () => {
    const tables = documentTables(readFileSync('docs/authorization.md', 'utf8'));
    const all = Object.entries(MODULE_POLICIES).flatMap(([module, rules]) => differences(module, rules, tables.get(module)));
    assert.deepEqual(all, []);
    assert.ok(Object.keys(MODULE_POLICIES).length >= 1);
  });

  it('finds a changed cell, a missing row and an extra row (probe)', () => {
    const rules: PolicyRules<'thing.view' | 'thing.merge'> = {
      'thing.view': { anyone: 'all' },
      'thing.merge': { coordinator: 'all', professional: 'organisation' },
    };
    const doc = [
      '## probe',
      '',
      '| action | anyone | signedIn | resident | volunteer | professional | coordinator | admin |',
      '|---|---|---|---|---|---|---|---|',
      '| `thing.view` | all | — | — | — | — | — | — |',
      '| `thing.merge` | — | — | — | — | all | all | — |',
      '| `thing.delete` | — | — | — | — | — | — | all |',
    ].join('\n');
    const found = differences('probe', rules, documentTables(doc).get('probe'));
    assert.deepEqual(found, [
      'probe: thing.merge for professional: document says all, RULES say organisation',
      'probe: thing.delete is in the document but not in RULES',
    ]);
    assert.deepEqual(
      differences('probe', { ...rules, 'thing.extra': {} } as PolicyRules<string>, documentTables(doc).get('probe')).slice(-2),
      ['probe: thing.extra is in RULES but not in the document', 'probe: thing.delete is in the document but not in RULES'],
    );
    const matching = doc
      .replace('| `thing.merge` | — | — | — | — | all |', '| `thing.merge` | — | — | — | — | organisation |')
      .replace(/\n\| `thing.delete`.*$/, '');
    assert.deepEqual(differences('probe', rules, documentTables(matching).get('probe')), []);
  });
});
