/**
 * Groningen's wijkperspectief (seed 003 §6a1): the basic functions of the supply side and the ten
 * questions asked per wijk, with the indicators of the monitor that answer a question where the
 * platform's data can. A question without indicators needs a person's answer (partners' `answer`
 * contributions). `partial`: the data answers only part of the question (e.g. wheelchair access,
 * not social access).
 */

export const BASIC_FUNCTIONS = ['ontmoeting', 'informatie', 'signalering', 'ondersteuning', 'zorgondersteuning'] as const;
export type BasicFunction = (typeof BASIC_FUNCTIONS)[number];

export const QUESTION_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type QuestionNumber = (typeof QUESTION_NUMBERS)[number];

export interface PerspectiveQuestion {
  n: QuestionNumber;
  fn: BasicFunction;
  /** Indicator codes whose latest figure for the area answers the question; empty: a person must answer. */
  indicators: readonly string[];
  partial: boolean;
}

export const QUESTIONS: readonly PerspectiveQuestion[] = [
  { n: 1, fn: 'ontmoeting', indicators: ['sm_meeting_places', 'sm_meeting_per1000'], partial: false },
  { n: 2, fn: 'ontmoeting', indicators: ['sm_meeting_places_accessible'], partial: true },
  { n: 3, fn: 'ontmoeting', indicators: [], partial: false },
  { n: 4, fn: 'informatie', indicators: ['sm_info_points'], partial: true },
  { n: 5, fn: 'informatie', indicators: [], partial: false },
  { n: 6, fn: 'signalering', indicators: ['sig_received'], partial: false },
  { n: 7, fn: 'signalering', indicators: [], partial: false },
  { n: 8, fn: 'ondersteuning', indicators: ['sm_disability_support'], partial: false },
  { n: 9, fn: 'zorgondersteuning', indicators: [], partial: false },
  { n: 10, fn: 'zorgondersteuning', indicators: [], partial: false },
];

/** The demand side's figures from the monitor (platform data and CBS imports), shown with their period. */
export const DEMAND_INDICATORS = ['sig_received', 'help_requests', 'cbs_wmo_per1000'] as const;

/** CBS key figures of the area (the areas module's `stats`) shown on the demand side, in this order. */
export const DEMAND_STATS = [
  'inhabitants',
  'age0to15',
  'age15to25',
  'age25to45',
  'age45to65',
  'age65plus',
  'households',
  'householdSize',
] as const;
export type DemandStat = (typeof DEMAND_STATS)[number];
/** Stats given as a percentage of the inhabitants. */
export const PERCENT_STATS: readonly DemandStat[] = ['age0to15', 'age15to25', 'age25to45', 'age45to65', 'age65plus'];

export const CONTRIBUTION_KINDS = ['knelpunt', 'strength', 'weakness', 'opportunity', 'threat', 'answer'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export const SWOT_KINDS = ['strength', 'weakness', 'opportunity', 'threat'] as const;
