import {
  AliasNode,
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  DeleteQueryNode,
  IdentifierNode,
  InsertQueryNode,
  JoinNode,
  OperationNodeTransformer,
  OnNode,
  OperatorNode,
  ParensNode,
  ReferenceNode,
  SelectQueryNode,
  SchemableIdentifierNode,
  TableNode,
  UpdateQueryNode,
  ValueNode,
  ValuesNode,
  WhereNode,
  sql,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { DbOrTrx } from './database.ts';

/**
 * Tenant scoping in one place (ADR 0007). `scoped(db, tenantId)` gives a database handle on which
 * every query that reads, changes or deletes rows of a tenant table (a table with a non-null
 * `tenant_id`) only sees that tenant's rows, whether or not the query says `where tenant_id = …`:
 * the plugin adds `<table or alias>.tenant_id = $tenant` to the WHERE of each SELECT, UPDATE and
 * DELETE for every tenant table in FROM/USING, and to the ON of every join (so a LEFT JOIN stays a
 * left join). An INSERT that names another tenant's id is refused before it reaches the database.
 *
 * Raw SQL fragments (`sql\`…\``) are not rewritten: a raw query must filter by tenant itself (the
 * table-ownership check in test/lint finds the tables it names).
 *
 * The set of tenant tables is read from the catalogue once the migrations have run
 * (`loadTenantTables`), so a new module's tables are covered without registering them.
 */

let tenantTables: ReadonlySet<string> | null = null;

/** Read which tables have a non-null tenant_id (after migrations; app start and test setup call it). */
export async function loadTenantTables(db: DbOrTrx): Promise<ReadonlySet<string>> {
  const rows = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and c.is_nullable = 'NO' and t.table_type = 'BASE TABLE'
  `.execute(db);
  tenantTables = new Set(rows.rows.map((r) => r.table_name));
  return tenantTables;
}

/** The tenant tables known to the scope (empty until loaded). */
export function knownTenantTables(): ReadonlySet<string> {
  return tenantTables ?? new Set();
}

export class TenantScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantScopeError';
  }
}

/** The handle each scoped handle was made from: caches that belong to a database key on it. */
const roots = new WeakMap<object, object>();

/** A handle on which no query reaches another tenant's rows (see above). Fails closed when the tables were not loaded. */
export function scoped<D extends { withPlugin(plugin: KyselyPlugin): unknown }>(db: D, tenantId: string): D {
  if (!tenantTables) throw new TenantScopeError('Tenant tables not loaded: call loadTenantTables(db) after the migrations.');
  const handle = db.withPlugin(new TenantScopePlugin(tenantId, tenantTables)) as D;
  roots.set(handle, rootHandle(db));
  return handle;
}

/** The database handle a scoped handle was made from (itself when it is not scoped): one per database, for in-process caches. */
export function rootHandle(db: object): object {
  return roots.get(db) ?? db;
}

export class TenantScopePlugin implements KyselyPlugin {
  readonly #transformer: ScopeTransformer;
  constructor(tenantId: string, tables: ReadonlySet<string>) {
    this.#transformer = new ScopeTransformer(tenantId, tables);
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class ScopeTransformer extends OperationNodeTransformer {
  constructor(
    private readonly tenantId: string,
    private readonly tables: ReadonlySet<string>,
  ) {
    super();
  }

  /** The table name and the name to qualify its columns with (the alias, or the table), when it is a tenant table. */
  private scopeOf(node: OperationNode): { qualifier: string } | null {
    let table: TableNode | null = null;
    let alias: string | null = null;
    if (TableNode.is(node)) table = node;
    else if (AliasNode.is(node) && TableNode.is(node.node)) {
      table = node.node;
      if (IdentifierNode.is(node.alias)) alias = node.alias.name;
    }
    if (!table) return null;
    const id: SchemableIdentifierNode = table.table;
    if (id.schema && id.schema.name !== 'public') return null;
    const name = id.identifier.name;
    if (!this.tables.has(name)) return null;
    return { qualifier: alias ?? name };
  }

  private condition(qualifier: string): OperationNode {
    return BinaryOperationNode.create(
      ReferenceNode.create(ColumnNode.create('tenant_id'), TableNode.create(qualifier)),
      OperatorNode.create('='),
      ValueNode.create(this.tenantId),
    );
  }

  private conditionsFor(nodes: readonly OperationNode[] | undefined): OperationNode[] {
    return (nodes ?? []).flatMap((n) => {
      const s = this.scopeOf(n);
      return s ? [this.condition(s.qualifier)] : [];
    });
  }

  private static and(where: WhereNode | undefined, conditions: OperationNode[]): WhereNode | undefined {
    if (conditions.length === 0) return where;
    let combined = conditions.reduce((a, b) => AndNode.create(a, b));
    if (where) combined = AndNode.create(ParensNode.create(where.where), combined);
    return WhereNode.create(combined);
  }

  protected override transformSelectQuery(node: SelectQueryNode, queryId?: QueryId) {
    const out = super.transformSelectQuery(node, queryId);
    const where = ScopeTransformer.and(out.where, this.conditionsFor(out.from?.froms));
    return where === out.where ? out : { ...out, where };
  }

  protected override transformUpdateQuery(node: UpdateQueryNode, queryId?: QueryId) {
    const out = super.transformUpdateQuery(node, queryId);
    const targets = [...(out.table ? [out.table] : []), ...(out.from?.froms ?? [])];
    const where = ScopeTransformer.and(out.where, this.conditionsFor(targets));
    return where === out.where ? out : { ...out, where };
  }

  protected override transformDeleteQuery(node: DeleteQueryNode, queryId?: QueryId) {
    const out = super.transformDeleteQuery(node, queryId);
    const targets = [...(out.from?.froms ?? []), ...(out.using?.tables ?? [])];
    const where = ScopeTransformer.and(out.where, this.conditionsFor(targets));
    return where === out.where ? out : { ...out, where };
  }

  protected override transformJoin(node: JoinNode, queryId?: QueryId) {
    const out = super.transformJoin(node, queryId);
    const s = this.scopeOf(out.table);
    if (!s) return out;
    const extra = this.condition(s.qualifier);
    // A join without ON (cross join, lateral … on true) gets the condition as its ON.
    return JoinNode.cloneWithOn(out.on ? { ...out, on: OnNode.create(ParensNode.create(out.on.on)) } : out, extra);
  }

  protected override transformInsertQuery(node: InsertQueryNode, queryId?: QueryId) {
    const out = super.transformInsertQuery(node, queryId);
    const s = this.scopeOf(out.into as OperationNode);
    if (!s || !out.columns || !out.values) return out;
    const at = out.columns.findIndex((c) => c.column.name === 'tenant_id');
    if (at < 0) throw new TenantScopeError(`An insert into ${s.qualifier} without tenant_id on a tenant-scoped handle.`);
    const rows = ValuesNode.is(out.values) ? out.values.values : [];
    for (const row of rows) {
      const value =
        row.kind === 'PrimitiveValueListNode' ? row.values[at] : row.kind === 'ValueListNode' ? valueOf(row.values[at]) : undefined;
      if (value !== undefined && value !== this.tenantId) {
        throw new TenantScopeError(`An insert into ${s.qualifier} for another tenant on a tenant-scoped handle.`);
      }
    }
    return out;
  }
}

function valueOf(node: OperationNode | undefined): unknown {
  return node && ValueNode.is(node) ? node.value : undefined;
}
