import type { FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../db/database.ts';

export interface AuditEntry {
  tenantId: string | null;
  actorUserId: string | null;
  /** What was done: create, update, delete, view, signin, signin_failed, export, … */
  action: string;
  /** Kind of record: user, organisation, membership, area, … */
  entity: string;
  entityId: string | null;
  ip?: string | null;
  /** Non-content details only: names of changed fields, counts, reasons. Never values of personal data. */
  detail?: Record<string, unknown> | null;
}

/** Truncate an IP address to its network (IPv4 /24, IPv6 /48): enough to spot abuse, not to identify a home. */
export function truncateIp(ip: string | undefined | null): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(':')) return ip.split(':').slice(0, 3).join(':') + '::/48';
  return null;
}

/** Write one audit record; call it inside the transaction of the change it describes. */
export async function recordAudit(db: DbOrTrx, entry: AuditEntry): Promise<void> {
  await auditWrite(db, entry).execute();
}

/** The insert of `recordAudit` without running it, for a caller that sends it with its own writes (`writeTogether`). */
export function auditWrite(db: DbOrTrx, entry: AuditEntry) {
  return db.insertInto('audit_log').values({
    tenant_id: entry.tenantId,
    actor_user_id: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    ip: entry.ip ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  } as never);
}

/** Audit fields taken from a request: actor, tenant and truncated network. */
export function auditFrom(req: FastifyRequest): Pick<AuditEntry, 'actorUserId' | 'tenantId' | 'ip'> {
  return { actorUserId: req.user?.id ?? null, tenantId: req.tenant?.id ?? null, ip: truncateIp(req.ip) };
}
