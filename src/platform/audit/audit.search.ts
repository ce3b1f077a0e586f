import type { DbOrTrx } from '../db/database.ts';

export interface AuditFilters {
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  /** A user id (uuid); callers validate the format. */
  actorUserId?: string | undefined;
  /** Inclusive lower bound. */
  from?: Date | undefined;
  /** Exclusive upper bound. */
  until?: Date | undefined;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
}

/** Search a tenant's audit log, newest first, one page at a time. */
export async function searchAudit(
  db: DbOrTrx,
  tenantId: string,
  f: AuditFilters,
  opts: { page: number; pageSize: number },
): Promise<{ items: AuditRow[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_user_id', 'action', 'entity', 'entity_id', 'ip'])
    .where('tenant_id', '=', tenantId)
    .$if(f.action !== undefined, (q) => q.where('action', '=', f.action!))
    .$if(f.entity !== undefined, (q) => q.where('entity', '=', f.entity!))
    .$if(f.entityId !== undefined, (q) => q.where('entity_id', '=', f.entityId!))
    .$if(f.actorUserId !== undefined, (q) => q.where('actor_user_id', '=', f.actorUserId!))
    .$if(f.from !== undefined, (q) => q.where('at', '>=', f.from!))
    .$if(f.until !== undefined, (q) => q.where('at', '<', f.until!))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.pageSize + 1)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return {
    items: rows.slice(0, opts.pageSize).map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      ip: r.ip,
    })),
    hasMore: rows.length > opts.pageSize,
  };
}
