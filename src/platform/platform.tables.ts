import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AuthTables } from './auth/auth.tables.ts';
import type { TenantsTables } from './tenants/tenants.tables.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Background work (the jobs/outbox table), processed with FOR UPDATE SKIP LOCKED. */
export interface JobsTable {
  id: Generated<number>;
  tenant_id: string | null;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>>;
  status: ColumnType<'pending' | 'running' | 'done' | 'failed', string | undefined, string>;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  locked_at: Timestamp | null;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
  /** A queued run of a recurring job carries its kind here: at most one such row is pending (index jobs_once). */
  once_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Every e-mail we send, written in the same transaction as the action that caused it. */
export interface MailOutboxTable {
  id: Generated<string>;
  tenant_id: string | null;
  user_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  locale: string;
  /** queued: waiting for the sender job; sent: delivered to SMTP; kept: no SMTP configured. */
  status: ColumnType<'queued' | 'sent' | 'kept' | 'failed', string | undefined, string>;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

/** Who did what to which record, when, from where; never the content. */
export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  tenant_id: string | null;
  actor_user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** Network the request came from, truncated (IPv4 /24, IPv6 /48) to avoid storing a personal identifier. */
  ip: string | null;
  /** Names of changed fields or other non-content details. */
  detail: JSONColumnType<Record<string, unknown>> | null;
}

/** A period of a tenant's audit log kept past the retention (src/platform/audit/audit.retention.ts). */
export interface AuditHoldsTable {
  tenant_id: string;
  id: string;
  /** First and last Amsterdam calendar day kept (yyyy-mm-dd). */
  from_day: string;
  to_day: string;
  /** The instants the first day starts and the day after the last day starts. */
  from_at: Timestamp;
  to_at: Timestamp;
  /** The last day the period is kept (yyyy-mm-dd); from the next day on the retention applies again. */
  kept_until: string;
  /** Why, in the administrator's words (no personal data). */
  reason: string;
  created_by: string | null;
  created_at: CreatedAt;
}

/** Shared rate-limit counters (src/platform/http/rate-limit-store.ts): a global table, one fixed window per hashed key. */
export interface RateLimitHitsTable {
  key: string;
  hits: number;
  reset_at: Timestamp;
}

/** The platform's tables: its own below, tenants (tenants/), memberships and sessions (auth/). */
export interface PlatformTables extends TenantsTables, AuthTables {
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  audit_holds: AuditHoldsTable;
  rate_limit_hits: RateLimitHitsTable;
}
