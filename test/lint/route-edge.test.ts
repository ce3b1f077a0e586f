/**
 * One route edge (ADR 0007, docs/modules.md): every route of the app is declared with
 * `routes(app)` from src/platform/http/route.ts, so it names its policy and the schema of every
 * input, and no route code writes `req.tenant!` or casts `params`, `query` or `body`; and a
 * module's route code reads and writes through `req.db`, the handle scoped to the request's
 * municipality, not `app.db` (a route without a tenant says so: `// unscoped: <why>` on the line
 * or the line above). Proven to find each kind of violation on a probe.
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

/** Route code in a module: `*.routes.ts(x)`, `routes.ts` and the page helpers `*.pages.tsx`. */
const MODULE_ROUTE_CODE = /^src\/modules\/.*(?:routes\.tsx?|\.pages\.tsx)$/;

/** Lines that use `app.db` without `// unscoped: …` on the line or the line above. */
function unscopedUses(text: string): number[] {
  const lines = text.split('\n');
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line) || !/\bapp\.db\b/.test(line)) return;
    const reason = /\/\/ unscoped: \S/;
    if (!reason.test(line) && !(i > 0 && reason.test(lines[i - 1]!))) found.push(i + 1);
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

  it('module route code uses req.db, the scoped handle; app.db only where a route has no tenant and says so', () => {
    const files = sourceFiles('src/modules').filter((f) => MODULE_ROUTE_CODE.test(f.split('\\').join('/')));
    assert.ok(files.length > 30, 'the route files are found');
    const found = files.flatMap((f) => unscopedUses(readFileSync(f, 'utf8')).map((n) => `${f}:${n}`));
    assert.deepEqual(found, []);
  });

  it('finds app.db without a reason on a probe', () => {
    const probe = [
      'const a = await listThings(app.db, req.tenant.id);',
      'const b = await listTenants(app.db); // unscoped: /registreren lists every municipality',
      '// unscoped: sign-in has no tenant',
      'await inTransaction(app.db, async (trx) => {',
      'await inTransaction(app.db, async (trx) => { // unscoped:',
      'const c = await listThings(req.db, req.tenant.id);',
    ].join('\n');
    assert.deepEqual(unscopedUses(probe), [1, 5]);
  });
});
