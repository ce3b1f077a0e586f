import { sql } from 'kysely';
import type { DbOrTrx } from './database.ts';

/**
 * How the schema distributes by municipality (ADR 0009, docs/distribution.md).
 *
 * Every table with a non-null `tenant_id` is a tenant table: distributed on `tenant_id` (Citus
 * `create_distributed_table('t', 'tenant_id', colocate_with => …)`), so `tenant_id` is in its
 * primary key, in every unique constraint and unique index, and in every foreign key to another
 * tenant table. Every other table is named here, with why it is global and what it becomes:
 *
 * - `reference`: replicated to every node (`create_reference_table`); small, read everywhere and
 *   joined with tenant tables; a tenant table may reference it;
 * - `coordinator`: stays a plain table on the coordinator (not distributed, not replicated);
 *   rows of every municipality or of none, written often and read by its own key; no tenant table
 *   references it, and it references no tenant table.
 *
 * `test/lint/schema-distribution.test.ts` fails on a table that follows neither.
 */
export type GlobalKind = 'reference' | 'coordinator';

export const GLOBAL_TABLES: Readonly<Record<string, { kind: GlobalKind; reason: string }>> = {
  tenants: { kind: 'reference', reason: 'the municipalities themselves; every tenant table references it' },
  users: {
    kind: 'reference',
    reason: 'one account signs in to every municipality it has a role in; tenant tables reference it and join it for names',
  },
  sessions: { kind: 'coordinator', reason: 'a session belongs to an account, not to a municipality; read by its token hash' },
  rate_limit_hits: {
    kind: 'coordinator',
    reason: 'rate-limit counters per hashed client key and route, shared by every app process; written on every limited request',
  },
  signin_failures: { kind: 'coordinator', reason: 'the sign-in throttle counts per address and account, across municipalities' },
  auth_tokens: { kind: 'coordinator', reason: 'sign-in and invitation tokens of an account; tenant_id may be null' },
  jobs: { kind: 'coordinator', reason: 'the job queue: jobs of every municipality and of none (tenant_id may be null)' },
  mail_outbox: { kind: 'coordinator', reason: 'the mail queue: mail of every municipality and of none (tenant_id may be null)' },
  audit_log: { kind: 'coordinator', reason: 'append-only log of every municipality and of the platform (tenant_id may be null)' },
  kysely_migration: { kind: 'coordinator', reason: "the migrator's own record of what ran" },
  kysely_migration_lock: { kind: 'coordinator', reason: "the migrator's own lock" },
};

export interface SchemaTable {
  name: string;
  /** tenant: a non-null tenant_id; otherwise the kind in GLOBAL_TABLES, or `unlisted`. */
  kind: 'tenant' | GlobalKind | 'unlisted';
}

export interface ForeignKeyEdge {
  table: string;
  name: string;
  ref: string;
  cols: string[];
  refcols: string[];
}

export interface SchemaFacts {
  tables: SchemaTable[];
  keys: { table: string; name: string; type: 'p' | 'u' | 'x'; cols: string[] }[];
  uniqueIndexes: { table: string; name: string; cols: string[] }[];
  foreignKeys: ForeignKeyEdge[];
}

/** Read tables, keys, unique indexes and foreign keys of one schema from the catalogue. */
export async function readSchemaFacts(
  db: DbOrTrx,
  schema = 'public',
  globals: Readonly<Record<string, { kind: GlobalKind }>> = GLOBAL_TABLES,
): Promise<SchemaFacts> {
  const colsOf = (rel: string, keys: string) =>
    sql.raw(`array(select a.attname::text from unnest(${keys}) with ordinality k(num, ord)
      join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.num order by k.ord)`);
  const tables = await sql<{ name: string; tenant: boolean }>`
    select c.relname as name, coalesce((select a.attnotnull from pg_attribute a
      where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped), false) as tenant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind in ('r', 'p')
    order by 1
  `.execute(db);
  const keys = await sql<SchemaFacts['keys'][number]>`
    select c.relname as "table", con.conname as name, con.contype as type, ${colsOf('con.conrelid', 'con.conkey')} as cols
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and con.contype in ('p', 'u', 'x')
    order by 1, 2
  `.execute(db);
  const uniqueIndexes = await sql<SchemaFacts['uniqueIndexes'][number]>`
    select c.relname as "table", ic.relname as name,
      array(select a.attname::text from pg_attribute a where a.attrelid = i.indrelid and a.attnum = any(i.indkey)) as cols
    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and i.indisunique
      and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid and con.contype in ('p', 'u', 'x'))
    order by 1, 2
  `.execute(db);
  const foreignKeys = await sql<ForeignKeyEdge>`
    select src.relname as "table", con.conname as name, dst.relname as ref,
      ${colsOf('con.conrelid', 'con.conkey')} as cols, ${colsOf('con.confrelid', 'con.confkey')} as refcols
    from pg_constraint con join pg_class src on src.oid = con.conrelid join pg_class dst on dst.oid = con.confrelid
    join pg_namespace n on n.oid = src.relnamespace
    where n.nspname = ${schema} and con.contype = 'f'
    order by 1, 2
  `.execute(db);
  return {
    tables: tables.rows.map((t) => ({ name: t.name, kind: t.tenant ? 'tenant' : (globals[t.name]?.kind ?? 'unlisted') })),
    keys: keys.rows,
    uniqueIndexes: uniqueIndexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}

/** Every way the schema breaks the distribution rule, one line each, naming table and constraint. */
export function distributionViolations(
  facts: SchemaFacts,
  globals: Readonly<Record<string, { kind: GlobalKind }>> = GLOBAL_TABLES,
): string[] {
  const kind = new Map(facts.tables.map((t) => [t.name, t.kind]));
  const out: string[] = [];
  for (const t of facts.tables) {
    if (t.kind === 'unlisted') {
      out.push(`${t.name}: no non-null tenant_id and not listed in GLOBAL_TABLES (src/platform/db/distribution.ts)`);
    }
    if (t.kind === 'tenant' && globals[t.name]) {
      out.push(`${t.name}: has a non-null tenant_id but is listed in GLOBAL_TABLES as ${globals[t.name]!.kind}`);
    }
  }
  for (const k of facts.keys) {
    if (kind.get(k.table) !== 'tenant' || k.cols.includes('tenant_id')) continue;
    const what = k.type === 'p' ? 'primary key' : k.type === 'u' ? 'unique constraint' : 'exclusion constraint';
    out.push(`${k.table}.${k.name}: ${what} (${k.cols.join(', ')}) lacks tenant_id`);
  }
  for (const ix of facts.uniqueIndexes) {
    if (kind.get(ix.table) === 'tenant' && !ix.cols.includes('tenant_id')) {
      out.push(`${ix.table}.${ix.name}: unique index (${ix.cols.join(', ') || 'expressions'}) lacks tenant_id`);
    }
  }
  for (const fk of facts.foreignKeys) {
    const from = kind.get(fk.table);
    const to = kind.get(fk.ref);
    if (from === 'tenant' && to === 'tenant') {
      const at = fk.cols.indexOf('tenant_id');
      if (at < 0 || fk.refcols[at] !== 'tenant_id') {
        out.push(`${fk.table}.${fk.name}: foreign key to tenant table ${fk.ref} does not pair tenant_id with ${fk.ref}.tenant_id`);
      }
    } else if (from === 'tenant' && to !== 'reference') {
      out.push(`${fk.table}.${fk.name}: tenant table references ${fk.ref}, which is not a reference table`);
    } else if (from !== 'tenant' && to === 'tenant') {
      out.push(`${fk.table}.${fk.name}: ${from} table references tenant table ${fk.ref}`);
    } else if (from === 'reference' && to !== 'reference') {
      out.push(`${fk.table}.${fk.name}: reference table references ${fk.ref}, which is not a reference table`);
    }
  }
  return out;
}

/** Tables in an order where each comes after the tables it references (self-references ignored). */
export function foreignKeyOrder(tables: readonly string[], facts: SchemaFacts): string[] {
  const wanted = new Set(tables);
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of facts.foreignKeys) {
    if (wanted.has(fk.table) && wanted.has(fk.ref) && fk.table !== fk.ref) deps.get(fk.table)!.add(fk.ref);
  }
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t)) return;
    if (path.has(t)) throw new Error(`Foreign-key cycle through ${[...path, t].join(' → ')}`);
    path.add(t);
    for (const d of [...deps.get(t)!].sort()) visit(d, path);
    path.delete(t);
    done.add(t);
    out.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return out;
}
