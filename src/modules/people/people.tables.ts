import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

// `memberships` and `sessions` are the platform's (src/platform/auth/); their migrations stay in
// this module's list (migrations are frozen).

export type Locale = 'nl' | 'en';
export type OrganisationKind =
  'gemeente' | 'welzijn' | 'woningcorporatie' | 'zorgaanbieder' | 'politie' | 'kerk' | 'vereniging' | 'school' | 'overig';

/** A person with an account. Global (one e-mail, one account); tenants are reached through memberships. */
export interface UsersTable {
  id: Generated<string>;
  /** Lower-cased; null once the account is deleted (anonymised). */
  email: string | null;
  name: string;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  phone: string | null;
  address: string | null;
  password_hash: string | null;
  /** Base32 TOTP secret, encrypted with the session secret (AES-GCM). */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** Last accepted TOTP time step (30 s since the epoch): each code works once. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  /** Marks demo accounts, shown as such. */
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  deleted_at: Timestamp | null;
}

export interface OrganisationsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  kind: OrganisationKind;
  created_at: CreatedAt;
}

/** Single-use tokens (sign-in link, password reset, invitation); stored as SHA-256. */
export interface AuthTokensTable {
  id: string;
  kind: 'signin' | 'reset' | 'invite';
  user_id: string | null;
  email: string;
  tenant_id: string | null;
  data: JSONColumnType<Record<string, unknown>>;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Failed sign-ins per key (hashed e-mail or network), for slowing down guessing. */
export interface SigninFailuresTable {
  key: string;
  failures: number;
  first_at: Timestamp;
  last_at: Timestamp;
}

export interface PeopleTables {
  users: UsersTable;
  organisations: OrganisationsTable;
  auth_tokens: AuthTokensTable;
  signin_failures: SigninFailuresTable;
}

// This module's tables join the app's Database type by declaration merging, so the platform
// never imports a module (docs/decisions/0007-module-shape.md).
declare module '../../platform/db/schema.ts' {
  interface Database extends PeopleTables {}
}
