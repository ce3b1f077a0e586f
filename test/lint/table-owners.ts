/**
 * Which module owns which table, and which tables a source file queries: for the table-ownership
 * test. A table belongs to the module whose `*.tables.ts` declares it (`name: SomethingTable`);
 * the platform's are in the `*.tables.ts` files under src/platform/ (platform.tables.ts, tenants/, auth/).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** The owner of a repository path: the module folder under src/modules/, or 'platform'. */
export function ownerOfPath(path: string): string | null {
  const p = path.split(sep).join('/');
  const m = /(?:^|\/)src\/modules\/([^/]+)\//.exec(p);
  if (m) return m[1]!;
  return /(?:^|\/)src\/platform\//.test(p) ? 'platform' : null;
}

/** Table name → owning module, from every `*.tables.ts` under `root`. */
export function tableOwners(root: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of sourceFiles(root).filter((f) => f.endsWith('.tables.ts'))) {
    const owner = ownerOfPath(relative(process.cwd(), file));
    if (!owner) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/^\s+([a-z][a-z0-9_]+): [A-Z]\w*Table\b/gm)) {
      const previous = owners.get(m[1]!);
      if (previous && previous !== owner) throw new Error(`Table ${m[1]} declared by ${previous} and ${owner}`);
      owners.set(m[1]!, owner);
    }
  }
  return owners;
}

/** Tables a source text queries: Kysely builders (selectFrom, insertInto, updateTable, deleteFrom, joins) and raw SQL. */
export function tablesQueried(source: string, known: ReadonlyMap<string, string>): Set<string> {
  const used = new Set<string>();
  for (const m of source.matchAll(
    /(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"`]([a-z_0-9]+)/g,
  )) {
    used.add(m[1]!);
  }
  for (const m of source.matchAll(/\b(?:from|join|update|into|table)\s+([a-z][a-z_0-9]+)\b/gi)) if (known.has(m[1]!)) used.add(m[1]!);
  return used;
}

/** "file (owner) queries table (other owner)" for every table a file queries that another module owns. */
export function foreignQueries(path: string, source: string, owners: ReadonlyMap<string, string>): string[] {
  const owner = ownerOfPath(path);
  if (!owner) return [];
  return [...tablesQueried(source, owners)]
    .filter((t) => owners.has(t) && owners.get(t) !== owner)
    .map((t) => `${path} (${owner}) queries ${t} (${owners.get(t)})`);
}
