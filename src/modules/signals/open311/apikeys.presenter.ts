/** The Open311 keys page's view model: one API key as the administrator's list shows it (camelCase, no row; never the hash). */
import type { ApiKeyRow } from './apikeys.service.ts';

/** A key in the list: who uses it, how to recognise it, its rights and limit, and its dates. */
export interface ApiKeyLine {
  id: string;
  clientName: string;
  /** A handler key's organisation (its name comes from the page's organisations), or null. */
  organisationId: string | null;
  /** The first characters of the key. */
  keyPrefix: string;
  canReport: boolean;
  canHandle: boolean;
  /** Writes a minute. */
  rateLimit: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function apiKeyLine(k: ApiKeyRow): ApiKeyLine {
  return {
    id: k.id,
    clientName: k.client_name,
    organisationId: k.organisation_id,
    keyPrefix: k.key_prefix,
    canReport: k.can_report,
    canHandle: k.can_handle,
    rateLimit: k.rate_limit,
    createdAt: k.created_at,
    lastUsedAt: k.last_used_at,
    revokedAt: k.revoked_at,
  };
}
