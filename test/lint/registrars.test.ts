/**
 * Every route registrar of a module is listed once, in the module's `index.ts`: a reader finds all
 * of a module's routes from that one file. A registrar is an exported function of a `*.routes.ts(x)`
 * file that takes the Fastify app. Proven to catch a registrar called from another routes file, and
 * one that nobody calls, on a probe module.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$|test-support\.ts$/.test(name)) out.push(full);
  }
  return out;
}

const REGISTRAR = /export\s+async\s+function\s+(\w+)\s*\(\s*app\s*:\s*FastifyInstance\s*\)/g;

/** Problems in one module folder: registrars not called exactly once, from index.ts. */
function registrarProblems(moduleDir: string): string[] {
  const files = sourceFiles(moduleDir);
  const index = join(moduleDir, 'index.ts');
  const problems: string[] = [];
  for (const file of files.filter((f) => /\.routes\.tsx?$/.test(f))) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(REGISTRAR)) {
      const call = new RegExp(`(?:\\b${name}\\(\\s*app\\s*\\)|\\bregister\\(\\s*${name}\\s*[,)])`, 'g');
      const callers = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(call)].map(() => relative(moduleDir, f)));
      if (callers.length !== 1 || callers[0] !== 'index.ts') {
        problems.push(`${relative(moduleDir, file)}: ${name} is called from [${callers.join(', ')}], not once from index.ts`);
      }
    }
  }
  if (!files.includes(index)) problems.push('no index.ts');
  return problems;
}

describe('route registrars', () => {
  const modules = readdirSync('src/modules').filter((m) => statSync(join('src/modules', m)).isDirectory());

  it('every module lists each of its route registrars once, in its index.ts', () => {
    assert.ok(modules.length >= 5);
    for (const m of modules) assert.deepEqual(registrarProblems(join('src/modules', m)), [], m);
  });

  it('catches a registrar called from another routes file and one called nowhere (probe)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sh-registrars-'));
    mkdirSync(join(dir, 'feature'));
    const registrar = (name: string) => `export async function ${name}(app: FastifyInstance): Promise<void> {}\n`;
    writeFileSync(
      join(dir, 'feature', 'a.routes.tsx'),
      registrar('aRoutes') + 'export async function x(app: FastifyInstance) { await bRoutes(app); }\n',
    );
    writeFileSync(join(dir, 'feature', 'b.routes.tsx'), registrar('bRoutes'));
    writeFileSync(join(dir, 'feature', 'c.routes.ts'), registrar('cRoutes'));
    writeFileSync(join(dir, 'index.ts'), 'await aRoutes(app);\nawait app.register(cRoutes);\n');
    assert.deepEqual(registrarProblems(dir), [
      'feature/a.routes.tsx: x is called from [], not once from index.ts',
      'feature/b.routes.tsx: bRoutes is called from [feature/a.routes.tsx], not once from index.ts',
    ]);
  });
});
