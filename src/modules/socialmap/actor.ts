/** Shared pieces of the social map services: who acts, input parsing, audit. */
import type { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../platform/db/database.ts';
import { Invalid, type FieldErrors } from '../../platform/errors.ts';
import { recordAudit, truncateIp } from '../../platform/audit/audit.service.ts';
import { systemPrincipal, type Principal } from '../../platform/principal.ts';
import { isMessageKey } from '../../platform/i18n/index.ts';

/**
 * Who makes a change, and when: the principal (policies.ts decides what it may do) with its
 * network address for the audit log; `now` (the clock's) is stored as updated_at / last_checked_at.
 * Every write function of the social map takes one, calls `authorize(can(actor, …))` first and
 * records the audit entry itself, inside the transaction of the change.
 */
export type Actor = Principal & { ip?: string | null };

/** The actor of a request: its principal, the truncated network, the app clock's now. */
export function actorFrom(req: FastifyRequest, now: Date): Actor {
  return { ...req.principal, ip: truncateIp(req.ip), now };
}

/** A system actor (seeds, jobs, CLI imports), for one municipality or (null) any. */
export function systemActor(now: Date, tenantId: string | null = null): Actor {
  return { ...systemPrincipal(tenantId, now), ip: null };
}

/** Parse input with a schema; Invalid with i18n keys per field (first error per field) when it fails. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: FieldErrors = {};
  for (const issue of r.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (fields[field]) continue;
    const key = issue.message;
    fields[field] = (key.startsWith('socialmap.') || key.startsWith('form.')) && isMessageKey(key) ? key : 'socialmap.error.invalidValue';
  }
  throw Invalid(fields);
}

/** Record an audit entry for a social map change (non-content details only). */
export function audit(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(db, {
    tenantId,
    actorUserId: actor.userId,
    ip: actor.ip ?? null,
    action,
    entity: `socialmap_${entity}`,
    entityId,
    detail: detail ?? null,
  });
}

/** Names of the fields present in a patch (for the audit detail). */
export function changedFields(input: object): string[] {
  return Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
}
