/**
 * Input and output types of the pure matching engine. They are independent of the database rows:
 * engine.store.ts adapts the helpmatch tables to them, so everything here runs without a database.
 */

export type HelpType = 'latent' | 'incidental' | 'structural';
export type Reach = 'walk500' | 'walk1000' | 'cycle3000' | 'municipality';

/** A weekly recurring time slot in local time (Europe/Amsterdam): ISO weekday 1 (Monday) … 7, minutes since midnight. */
export interface WeeklySlot {
  day: number;
  from: number;
  to: number;
}

/** When help is asked: one absolute window (a date with a time window), or weekly recurring slots. */
export type RequestTime = { kind: 'window'; start: Date; end: Date } | { kind: 'weekly'; slots: readonly WeeklySlot[] };

export interface EngineRequest {
  id: string;
  /** The person helped (or the one who asked on their behalf); never a candidate for their own request. */
  requesterIds: readonly string[];
  category: string;
  helpType: HelpType;
  vulnerable: boolean;
  lon: number;
  lat: number;
  buurtCode: string | null;
  /** How far the requester wants to look, in metres; null: the whole municipality. */
  radiusM: number | null;
  time: RequestTime;
  /** Summary and remarks: words in it are compared with the volunteer's talents. */
  text: string;
}

/** What the engine knows of a volunteer's history, over the tenant. */
export interface VolunteerHistory {
  done: number;
  noShow: number;
  cancelled: number;
  /** Matches (proposed or later) in the last 30 days: the fairness term. */
  recentMatches: number;
  /** Categories of requests this volunteer helped with (done). */
  helpedCategories: readonly string[];
  /** Hours of help this volunteer received themselves (wederkerigheid). */
  hoursReceived: number;
  /** User ids of people who helped this volunteer before. */
  helpedBy: readonly string[];
}

export interface EngineVolunteer {
  /** The offer id (stable, used for deterministic tie-breaks). */
  id: string;
  userId: string;
  categories: readonly string[];
  talents: string;
  availability: readonly WeeklySlot[];
  reach: Reach;
  monthlyCap: number;
  /** Matches counted against the cap this calendar month. */
  matchesThisMonth: number;
  vogSeen: boolean;
  blocked: boolean;
  lon: number;
  lat: number;
  history: VolunteerHistory;
}

/** A resident who signed up as "aanspreekpunt in de straat" for a buurt (latent help). */
export interface LatentContact {
  id: string;
  userId: string;
  buurtCode: string;
  blocked: boolean;
  recentMatches: number;
}

/** One part of an explanation: an i18n key and its placeholders (the same shape as the stored match explanation). */
export interface ExplanationPart {
  key: string;
  vars?: Record<string, string | number>;
}

export interface ScoreBreakdown {
  distance: number;
  skills: number;
  availability: number;
  reciprocity: number;
  reliability: number;
  fairness: number;
}

export interface Suggestion {
  requestId: string;
  volunteerId: string;
  userId: string;
  /** A volunteer's offer, or a latent-help contact of the buurt. */
  kind: 'offer' | 'latent';
  /** 0–100, two decimals. */
  score: number;
  breakdown: ScoreBreakdown;
  /** Metres (exact: only for the engine and the stored match; shown only as a band); null for latent contacts. */
  distanceM: number | null;
  explanation: ExplanationPart[];
}

/** The outcome of the hard filters for one pair: ok, or the first rule that failed. */
export type FilterResult =
  | { ok: true; distanceM: number; overlapMinutes: number; requestedMinutes: number; firstOverlap: { day: number; minute: number } | null }
  | { ok: false; reason: 'self' | 'blocked' | 'category' | 'distance' | 'time' | 'vog' | 'cap' };
