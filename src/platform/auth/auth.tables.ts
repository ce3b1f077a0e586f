import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../roles.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/*
 * Memberships and sessions are the platform's: every module needs who holds which role where, and
 * who is signed in (ADR 0007). Their migrations stay where they were written, in the people
 * module's migration list (migrations are frozen); only these declarations moved. The accounts
 * themselves (`users`) and organisations stay with the people module.
 */

/** A user's role in a tenant, optionally within an organisation. */
export interface MembershipsTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  organisation_id: string | null;
  role: Role;
  created_at: CreatedAt;
}

/** Server-side sessions; the cookie holds a random token, we store its SHA-256. */
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** When the second factor was verified in this session. */
  mfa_at: Timestamp | null;
}

export interface AuthTables {
  memberships: MembershipsTable;
  sessions: SessionsTable;
}
