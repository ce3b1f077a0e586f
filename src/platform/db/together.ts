import { sql, type Compilable, type OperationNodeSource, type QueryExecutorProvider } from 'kysely';

/**
 * A write that can go to the database together with others: an insert, update or delete query
 * builder that has not been executed, and whose result (rows, counts) nobody needs. Modules make
 * them with their own query functions (`auditWrite`, `mailWrites`, …) so the queries stay theirs.
 */
export type Write = Compilable & OperationNodeSource;

/**
 * Run several writes as one statement: `with w0 as (<write>), w1 as (<write>) … select 1`.
 * PostgreSQL runs every data-modifying part of a WITH exactly once, whether or not it is
 * referenced, all in the same snapshot; the statement is atomic (all or none), and inside a
 * transaction it commits or rolls back with it. One round trip instead of one per write, which is
 * most of a signal's cost (docs/open311.md, issue 17).
 *
 * Because the parts share one snapshot, a part cannot see what another part inserts: writes that
 * depend on each other's rows (a foreign key to a row inserted in the same statement) are fine,
 * since constraints are checked at the end of the statement, but a part that reads a row another
 * part writes is not. Callers give writes whose keys they made themselves (ids from
 * `crypto.randomUUID()`), so no part needs another's RETURNING.
 *
 * Tenant scoping applies as for any query: the parts are built on the caller's handle and go
 * through its plugins as nodes of the one statement.
 */
export async function writeTogether(db: QueryExecutorProvider, writes: readonly Write[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await sql`${writes[0]!}`.execute(db);
    return;
  }
  const parts = writes.map((w, i) => sql`${sql.id(`w${i}`)} as (${w})`);
  await sql`with ${sql.join(parts)} select 1`.execute(db);
}
