/** The match page's view model: one match as the actor's side sees it (camelCase, no row). */
import type { ExplanationPart, MatchState } from '../helpmatch.tables.ts';
import type { MatchRow } from './matches.store.ts';
import type { MatchSide } from './followup.service.ts';

/** A match on its page: the facts shown, and the hours and feedback of the actor's own side. */
export interface MatchView {
  id: string;
  state: MatchState;
  /** Metres between the volunteer and the request, when known (shown as a band). */
  distanceM: number | null;
  explanation: ExplanationPart[];
  /** Hours recorded, or null. */
  hours: number | null;
  /** The actor's side (the asking side unless the volunteer) has confirmed the hours. */
  hoursConfirmedByMe: boolean;
  /** The match was accepted once (the feedback form shows from then on). */
  accepted: boolean;
  /** The feedback the actor's side gave before, to fill the form. */
  myFeedback: string | null;
}

export function matchView(m: MatchRow, side: MatchSide): MatchView {
  const volunteer = side === 'volunteer';
  return {
    id: m.id,
    state: m.state,
    distanceM: m.distance_m,
    explanation: m.explanation,
    hours: m.hours,
    hoursConfirmedByMe: (volunteer ? m.hours_confirmed_volunteer_at : m.hours_confirmed_requester_at) !== null,
    accepted: m.accepted_at !== null,
    myFeedback: volunteer ? m.feedback_volunteer : m.feedback_requester,
  };
}
