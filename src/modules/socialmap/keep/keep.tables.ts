import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type SuggestionStatus = 'open' | 'accepted' | 'rejected';

/** A correction suggested by anyone (also without an account) for one service. */
export interface SocialmapSuggestionsTable {
  tenant_id: string;
  id: Generated<string>;
  service_id: string;
  /** What is wrong, in the suggester's words. */
  message: string;
  /** For a reply; personal data: removed some months after the suggestion is handled. */
  email: string | null;
  locale: ColumnType<'nl' | 'en', 'nl' | 'en' | undefined, 'nl' | 'en'>;
  status: ColumnType<SuggestionStatus, SuggestionStatus | undefined, SuggestionStatus>;
  /** Why it was rejected (or a note on acceptance); sent to the suggester. */
  reason: string | null;
  created_at: Stamp;
  handled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  handled_by: string | null;
}

/** One reminder to confirm a service, per check period (`period` = the last_checked_at it was about, or `never`). */
export interface SocialmapCheckRemindersTable {
  tenant_id: string;
  service_id: string;
  period: string;
  sent_at: Date;
}

export interface KeepTables {
  socialmap_suggestions: SocialmapSuggestionsTable;
  socialmap_check_reminders: SocialmapCheckRemindersTable;
}
