import type { DbOrTrx } from '../db/database.ts';

/** Audit entries where the user was the actor, newest first (for the personal-data export). */
export async function listAuditByActor(db: DbOrTrx, userId: string, limit = 10_000) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'tenant_id', 'action', 'entity', 'entity_id', 'ip', 'detail'])
    .where('actor_user_id', '=', userId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: r.at,
    tenantId: r.tenant_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    network: r.ip,
    detail: r.detail,
  }));
}
