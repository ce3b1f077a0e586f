/**
 * Row types of the tables added by the signals section part: none. The part adds one column to
 * `signals_signals` (`feedback_sent_at`, declared in signals.tables.ts) and indexes.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SectionTables {}
