/**
 * The staff pages' view models of one signal and its history (handling, merge, split, actions):
 * camelCase, only what the pages show. Routes map the service's rows with these functions.
 */
import type { SignalRow, TransitionRow } from './signals.store.ts';
import type { SignalState } from './workflow.ts';

export interface SignalDetail {
  publicId: string;
  /** The language the reporter reported in (their mails and standard texts are in it). */
  reporterLocale: 'nl' | 'en';
  state: SignalState;
  organisationId: string | null;
  deadlineAt: Date | null;
  description: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  buurtCode: string | null;
  /** Answers to the category's questions, by question key. */
  answers: Record<string, string>;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  wantsFeedback: boolean;
  photoCount: number;
  createdAt: Date;
  closed: boolean;
  merged: boolean;
  splitOff: boolean;
}

/** One step of a signal's history as staff see it. */
export interface HistoryStep {
  fromState: SignalState | null;
  toState: SignalState;
  /** Why a same-state step was taken (merge, split, action, …). */
  reason: string | null;
  createdAt: Date;
  internalNote: string | null;
  publicMessage: string | null;
}

export function signalDetail(s: SignalRow): SignalDetail {
  return {
    publicId: s.public_id,
    reporterLocale: s.reporter_locale,
    state: s.state,
    organisationId: s.organisation_id,
    deadlineAt: s.deadline_at,
    description: s.description,
    address: s.address,
    latitude: s.latitude,
    longitude: s.longitude,
    buurtCode: s.buurt_code,
    answers: s.answers,
    reporterName: s.reporter_name,
    reporterEmail: s.reporter_email,
    reporterPhone: s.reporter_phone,
    wantsFeedback: s.wants_feedback,
    photoCount: s.photo_count,
    createdAt: s.created_at,
    closed: s.closed_at !== null,
    merged: s.merged_into_id !== null,
    splitOff: s.split_from_id !== null,
  };
}

export function historyStep(h: TransitionRow): HistoryStep {
  return {
    fromState: h.from_state,
    toState: h.to_state,
    reason: h.reason,
    createdAt: h.created_at,
    internalNote: h.internal_note,
    publicMessage: h.public_message,
  };
}
