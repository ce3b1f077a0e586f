/**
 * The signal workflow as data: states, which are public steps (told to the reporter, shown on the
 * tracking page, Open311 open/closed), and the allowed transitions. Inspired by Signalen's
 * workflow.py, reduced to the states a neighbourhood network needs.
 */
export const SIGNAL_STATES = [
  'gemeld',
  'in_behandeling',
  'ingepland',
  'on_hold',
  'reactie_gevraagd',
  'afgehandeld',
  'geannuleerd',
  'heropend',
] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];

export interface StateDefinition {
  /** Shown to the reporter (tracking page, mail); internal states only show the last public one. */
  public: boolean;
  /** Closed states: counted as closed in lists and Open311 (`status=closed`). */
  closed: boolean;
  next: readonly SignalState[];
}

const WORKING: readonly SignalState[] = ['in_behandeling', 'ingepland', 'on_hold', 'reactie_gevraagd', 'afgehandeld', 'geannuleerd'];

export const WORKFLOW: Readonly<Record<SignalState, StateDefinition>> = {
  gemeld: { public: true, closed: false, next: WORKING },
  in_behandeling: { public: true, closed: false, next: ['ingepland', 'on_hold', 'reactie_gevraagd', 'afgehandeld', 'geannuleerd'] },
  ingepland: { public: true, closed: false, next: ['in_behandeling', 'on_hold', 'reactie_gevraagd', 'afgehandeld', 'geannuleerd'] },
  on_hold: { public: false, closed: false, next: ['in_behandeling', 'ingepland', 'reactie_gevraagd', 'geannuleerd'] },
  reactie_gevraagd: { public: true, closed: false, next: ['in_behandeling', 'ingepland', 'on_hold', 'afgehandeld', 'geannuleerd'] },
  afgehandeld: { public: true, closed: true, next: ['heropend'] },
  geannuleerd: { public: true, closed: true, next: ['heropend'] },
  heropend: { public: true, closed: false, next: WORKING },
};

/** True when the workflow allows going from one state to the other. */
export function canTransition(from: SignalState, to: SignalState): boolean {
  return WORKFLOW[from].next.includes(to);
}

/** The states reachable from a state, in workflow order. */
export function nextStates(from: SignalState): readonly SignalState[] {
  return WORKFLOW[from].next;
}

export function isClosed(state: SignalState): boolean {
  return WORKFLOW[state].closed;
}

export function isPublicState(state: SignalState): boolean {
  return WORKFLOW[state].public;
}

export function isSignalState(v: unknown): v is SignalState {
  return typeof v === 'string' && (SIGNAL_STATES as readonly string[]).includes(v);
}

export const OPEN_STATES: readonly SignalState[] = SIGNAL_STATES.filter((s) => !WORKFLOW[s].closed);
