/**
 * One route edge (ADR 0007, docs/modules.md): every route of the app is declared with
 * `routes(app)` from src/platform/http/route.ts, so it names its policy and the schema of every
 * input, and no route code writes `req.tenant!` or casts `params`, `query` or `body`.
 * Proven to find each kind of violation on a probe.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const EDGE = 'src/platform/http/route.ts';

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'non-null tenant assertion', pattern: /\btenant!/ },
  { name: 'cast of params, query or body', pattern: /\b(?:params|query|body)\b(?:\s*\?\?\s*\{\s*\})?\)?\s+as\s+(?!const\b)/ },
  {
    name: 'route registered around the edge',
    pattern: /\b(?:app|fastify|typed|instance|scope)\.(?:get|post|put|patch|delete|route|all)\(\s*['"`{]/,
  },
  { name: 'type provider used around the edge', pattern: /withTypeProvider</ },
];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$|test-support\.ts$/.test(name)) out.push(full);
  }
  return out;
}

/** Every violation in a text, as `rule: line`. */
function violations(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return;
    for (const rule of RULES) if (rule.pattern.test(line)) found.push(`${rule.name}: line ${i + 1}: ${line.trim()}`);
  });
  return found;
}

describe('one route edge (lint)', () => {
  it('no route code in src/ goes around routes(app), asserts the tenant or casts its input', () => {
    const all: string[] = [];
    for (const file of sourceFiles('src')) {
      if (file === EDGE) continue;
      for (const v of violations(readFileSync(file, 'utf8'))) all.push(`${file}: ${v}`);
    }
    assert.deepEqual(all, []);
  });

  it('finds each kind of violation on a probe, and passes the edge', () => {
    const probe = [
      "app.get('/:tenant/x', { config: { policy: 'public' } }, async (req) => req.tenant!.slug);",
      'const { id } = req.params as { id: string };',
      'const { q } = (req.query ?? {}) as { q?: string };',
      'const body = req.body as Record<string, string>;',
      'const p = req.params as unknown as { id: string };',
      "typed.post('/api', { schema: {} }, h);",
      'const typed = app.withTypeProvider<ZodTypeProvider>();',
    ].join('\n');
    const found = violations(probe);
    for (const rule of RULES) {
      assert.ok(
        found.some((f) => f.startsWith(rule.name)),
        `${rule.name} is found`,
      );
    }
    assert.equal(found.length, 8);
    assert.deepEqual(
      violations(
        "route.get('/:tenant/x', { policy: 'public', params: { id: z.string() } }, async (req) => req.tenant.slug + req.params.id);",
      ),
      [],
    );
  });
});
