/**
 * Open311 API keys: issued per client by an administrator, shown once, stored as SHA-256,
 * revocable; every issue and revocation is audited. A key belongs to one tenant only.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { recordAudit, type AuditEntry } from '../../../platform/audit/audit.service.ts';
import * as store from './apikeys.store.ts';
import { DEFAULT_KEY_LIMIT } from './ratelimit.ts';

export type ApiKeyRow = store.ApiKeyRow;

/** The demo client's key, present only in demo data (docs/open311.md). */
export const DEMO_API_KEY = 'demo-open311-key';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface IssueInput {
  tenantId: string;
  clientName: string;
  canReport: boolean;
  canHandle: boolean;
  organisationId: string | null;
  /** Writes a minute (default 60, ratelimit.ts). */
  rateLimit?: number;
  now: Date;
  /** Only for demo data: a fixed key instead of a random one. */
  fixedKey?: string;
  isDemo?: boolean;
}

/** Issue a new key for a client and audit it; the returned key is never stored and cannot be shown again. */
export async function issueApiKey(
  db: DbOrTrx,
  input: IssueInput,
  audit: Pick<AuditEntry, 'actorUserId' | 'ip'>,
): Promise<{ row: ApiKeyRow; key: string }> {
  const key = input.fixedKey ?? `o311_${randomBytes(24).toString('base64url')}`;
  return inTransaction(db, async (trx) => {
    const row = await store.insertApiKey(trx, {
      tenant_id: input.tenantId,
      client_name: input.clientName,
      key_hash: hashApiKey(key),
      key_prefix: key.slice(0, 8),
      can_report: input.canReport,
      can_handle: input.canHandle,
      organisation_id: input.organisationId,
      rate_limit: input.rateLimit ?? DEFAULT_KEY_LIMIT,
      created_by: audit.actorUserId,
      is_demo: input.isDemo ?? false,
      created_at: input.now,
    });
    await recordAudit(trx, {
      tenantId: input.tenantId,
      ...audit,
      action: 'create',
      entity: 'open311_api_key',
      entityId: row.id,
      detail: {
        canReport: input.canReport,
        canHandle: input.canHandle,
        organisation: input.organisationId !== null,
        rateLimit: input.rateLimit ?? DEFAULT_KEY_LIMIT,
      },
    });
    return { row, key };
  });
}

/** Revoke a key of the tenant and audit it; false when unknown or already revoked. */
export async function revokeApiKey(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  now: Date,
  audit: Pick<AuditEntry, 'actorUserId' | 'ip'>,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const done = await store.revokeApiKey(trx, tenantId, id, now);
    if (done) await recordAudit(trx, { tenantId, ...audit, action: 'revoke', entity: 'open311_api_key', entityId: id });
    return done;
  });
}

/** Change how many writes a minute a key of the tenant may make, and audit it; false when the key is unknown. */
export async function setRateLimit(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  rateLimit: number,
  audit: Pick<AuditEntry, 'actorUserId' | 'ip'>,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const done = await store.setRateLimit(trx, tenantId, id, rateLimit);
    if (done) {
      await recordAudit(trx, { tenantId, ...audit, action: 'update', entity: 'open311_api_key', entityId: id, detail: { rateLimit } });
    }
    return done;
  });
}

/** Keys of a tenant, newest first (hashes and prefixes only). */
export function listApiKeys(db: DbOrTrx, tenantId: string): Promise<ApiKeyRow[]> {
  return store.listApiKeys(db, tenantId);
}

/** One key of a tenant by id. */
export function getApiKey(db: DbOrTrx, tenantId: string, id: string): Promise<ApiKeyRow | null> {
  return store.findApiKey(db, tenantId, id);
}

/** The active (not revoked) key of this tenant matching the presented key, or null; notes its use at most once a minute. */
export async function authenticateApiKey(db: DbOrTrx, tenantId: string, key: string, now: Date): Promise<ApiKeyRow | null> {
  if (key.length === 0 || key.length > 200) return null;
  const row = await store.findApiKeyByHash(db, tenantId, hashApiKey(key));
  if (!row || row.revoked_at) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) await store.touchApiKey(db, tenantId, row.id, now);
  return row;
}
