import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Issue 17 (ADR 0009): make every tenant table ready to be distributed on `tenant_id` (Citus).
 * One catalogue-driven migration rewrites the keys of every table that existed when it ran:
 *
 * - every primary key and unique constraint of a tenant table (a table with a non-null `tenant_id`)
 *   that lacks `tenant_id` gets it as its first column (same name); a unique constraint that then
 *   repeats the primary key column for column (the old `unique (tenant_id, id)` beside `primary key
 *   (id)`) is dropped;
 * - every unique index (partial and expression ones too) of a tenant table without `tenant_id` is
 *   rebuilt with `tenant_id` first (same name, same predicate);
 * - every foreign key from a tenant table to a tenant table becomes `(tenant_id, x) references
 *   t (tenant_id, id)`, keeping its update and delete rules; `on delete set null` becomes
 *   `on delete set null (x)` so the tenant column is never nulled.
 *
 * Foreign keys to global tables (users, tenants) stay as they are. Tables created after this
 * migration declare their keys this way themselves (docs/modules.md); the schema test
 * (test/lint/schema-distribution.test.ts) fails on a table that does not.
 * Frozen in time: never edit, add new ones.
 */

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const list = (names: readonly string[]): string => names.map(q).join(', ');

const ACTIONS: Record<string, string> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

interface ForeignKey {
  name: string;
  table: string;
  ref: string;
  cols: string[];
  refcols: string[];
  upd: string;
  del: string;
  delcols: string[] | null;
  deferrable: boolean;
  deferred: boolean;
}

interface KeyConstraint {
  name: string;
  table: string;
  type: 'p' | 'u';
  cols: string[];
  deferrable: boolean;
  deferred: boolean;
}

/** The migration as a function, so the schema test can run it on a throw-away schema too. */
export async function rewriteDistributionKeys(db: Kysely<any>, schema = 'public'): Promise<{ rewritten: number }> {
  const tenantTables = (
    await sql<{ name: string }>`
      select c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where n.nspname = ${schema} and c.relkind = 'r' and a.attnotnull
      order by 1
    `.execute(db)
  ).rows.map((r) => r.name);
  const tenant = new Set(tenantTables);
  const cols = (rel: string, keys: string) =>
    sql.raw(`array(
      select a.attname::text from unnest(${keys}) with ordinality k(num, ord)
      join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.num order by k.ord)`);

  // Every foreign key that points at a tenant table: dropped first (they depend on the keys that
  // change), built again at the end.
  const fks = (
    await sql<ForeignKey>`
      select con.conname as name, src.relname as "table", dst.relname as ref,
        ${cols('con.conrelid', 'con.conkey')} as cols, ${cols('con.confrelid', 'con.confkey')} as refcols,
        con.confupdtype as upd, con.confdeltype as del,
        case when con.confdelsetcols is null then null else ${cols('con.conrelid', 'con.confdelsetcols')} end as delcols,
        con.condeferrable as deferrable, con.condeferred as deferred
      from pg_constraint con
      join pg_class src on src.oid = con.conrelid
      join pg_class dst on dst.oid = con.confrelid
      join pg_namespace n on n.oid = src.relnamespace
      where con.contype = 'f' and n.nspname = ${schema}
      order by src.relname, con.conname
    `.execute(db)
  ).rows.filter((fk) => tenant.has(fk.ref));
  for (const fk of fks) {
    if (!tenant.has(fk.table)) {
      throw new Error(`${fk.table} (no tenant_id) references the tenant table ${fk.ref} (${fk.name}): not distributable`);
    }
  }

  const keys = (
    await sql<KeyConstraint>`
      select con.conname as name, c.relname as "table", con.contype as type,
        ${cols('con.conrelid', 'con.conkey')} as cols,
        con.condeferrable as deferrable, con.condeferred as deferred
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      where con.contype in ('p', 'u') and n.nspname = ${schema}
      order by c.relname, con.contype, con.conname
    `.execute(db)
  ).rows.filter((k) => tenant.has(k.table));

  const uniqueIndexes = (
    await sql<{ name: string; table: string; def: string; cols: string[] }>`
      select ic.relname as name, c.relname as "table", pg_get_indexdef(i.indexrelid) as def,
        array(select a.attname::text from pg_attribute a where a.attrelid = i.indrelid and a.attnum = any(i.indkey)) as cols
      from pg_index i
      join pg_class ic on ic.oid = i.indexrelid
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      where i.indisunique and n.nspname = ${schema}
        and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid and con.contype in ('p', 'u', 'x'))
      order by c.relname, ic.relname
    `.execute(db)
  ).rows.filter((ix) => tenant.has(ix.table) && !ix.cols.includes('tenant_id'));

  const exec = (text: string) => sql.raw(text).execute(db);
  const table = (name: string) => `${q(schema)}.${q(name)}`;
  let rewritten = 0;

  for (const fk of fks) await exec(`alter table ${table(fk.table)} drop constraint ${q(fk.name)}`);

  const deferral = (k: { deferrable: boolean; deferred: boolean }) =>
    k.deferrable ? ` deferrable initially ${k.deferred ? 'deferred' : 'immediate'}` : '';
  const primary = new Map<string, string[]>();
  for (const key of keys) {
    const full = key.cols.includes('tenant_id') ? key.cols : ['tenant_id', ...key.cols];
    if (key.type === 'p') primary.set(key.table, full);
    if (full === key.cols) continue;
    await exec(`alter table ${table(key.table)} drop constraint ${q(key.name)}`);
    await exec(
      `alter table ${table(key.table)} add constraint ${q(key.name)} ${key.type === 'p' ? 'primary key' : 'unique'} (${list(full)})${deferral(key)}`,
    );
    rewritten++;
  }
  // A unique constraint that now repeats the primary key is an index too many on every write.
  for (const key of keys) {
    const pk = primary.get(key.table);
    if (key.type === 'u' && pk && key.cols.join(',') === pk.join(',')) {
      await exec(`alter table ${table(key.table)} drop constraint ${q(key.name)}`);
    }
  }

  for (const ix of uniqueIndexes) {
    const def = ix.def.replace(/ USING (\w+) \(/, (_m, method: string) => ` USING ${method} (tenant_id, `);
    if (def === ix.def) throw new Error(`Cannot add tenant_id to the unique index ${ix.name}: ${ix.def}`);
    await exec(`drop index ${q(schema)}.${q(ix.name)}`);
    await exec(def);
    rewritten++;
  }

  for (const fk of fks) {
    const at = fk.cols.indexOf('tenant_id');
    let from = fk.cols;
    let to = fk.refcols;
    if (at < 0) {
      from = ['tenant_id', ...fk.cols];
      to = ['tenant_id', ...fk.refcols];
      rewritten++;
    } else if (fk.refcols[at] !== 'tenant_id') {
      throw new Error(`${fk.table}.${fk.name}: tenant_id refers to ${fk.ref}.${fk.refcols[at]}, not to its tenant_id`);
    }
    let del = ACTIONS[fk.del] ?? 'no action';
    if (fk.del === 'n' || fk.del === 'd') {
      const nulled = (fk.delcols ?? from).filter((c) => c !== 'tenant_id');
      del += ` (${list(nulled)})`;
    }
    await exec(
      `alter table ${table(fk.table)} add constraint ${q(fk.name)} foreign key (${list(from)}) references ${table(fk.ref)} (${list(to)})` +
        ` on update ${ACTIONS[fk.upd] ?? 'no action'} on delete ${del}${deferral(fk)}`,
    );
  }
  return { rewritten };
}

export const distributionMigrations: Record<string, Migration> = {
  '20261207T1330_platform_distribution_keys': {
    async up(db: Kysely<any>) {
      await rewriteDistributionKeys(db);
    },
  },
};
