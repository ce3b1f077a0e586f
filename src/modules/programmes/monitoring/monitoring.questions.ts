/**
 * The standardised project monitoring form (Krimpen §10, seed 000 l.165-169): at the start the
 * residents and professionals involved say what they expect the project to add ("meerwaarde") and
 * mean ("betekenis"); at the end, its effects and whether the expectations came true. The seed
 * gives no questionnaire: these questions are ours (docs/project-monitoring.md says why). The four
 * scale questions are asked in both phases in matching words, so they can be set side by side.
 */
import type { MessageKey } from '../../../platform/i18n/index.ts';

export type Phase = 'expectation' | 'effect';
export type RespondentRole = 'resident' | 'professional';
export const PHASES: readonly Phase[] = ['expectation', 'effect'];
export const ROLES: readonly RespondentRole[] = ['resident', 'professional'];

/** The scale questions asked in both phases (1 = helemaal oneens … 5 = helemaal eens). */
export const SCALE_KEYS = ['added', 'contact', 'participation', 'meaning'] as const;
/** Asked only at the end. */
export const EFFECT_ONLY_KEYS = ['expectations_met'] as const;
export type ScaleKey = (typeof SCALE_KEYS)[number] | (typeof EFFECT_ONLY_KEYS)[number];

export const SCALE_VALUES = ['1', '2', '3', '4', '5'] as const;
/** Longest open answer. */
export const MAX_OPEN = 1000;
/** Below this many answers a group (residents, professionals) is not shown on its own. */
export const MIN_GROUP = 5;

export function scaleKeysOf(phase: Phase): readonly ScaleKey[] {
  return phase === 'effect' ? [...SCALE_KEYS, ...EFFECT_ONLY_KEYS] : SCALE_KEYS;
}

const QUESTION_KEYS: Record<Phase, Partial<Record<ScaleKey | 'open', MessageKey>>> = {
  expectation: {
    added: 'programmes.monitoring.q.expectation.added',
    contact: 'programmes.monitoring.q.expectation.contact',
    participation: 'programmes.monitoring.q.expectation.participation',
    meaning: 'programmes.monitoring.q.expectation.meaning',
    open: 'programmes.monitoring.q.expectation.open',
  },
  effect: {
    added: 'programmes.monitoring.q.effect.added',
    contact: 'programmes.monitoring.q.effect.contact',
    participation: 'programmes.monitoring.q.effect.participation',
    meaning: 'programmes.monitoring.q.effect.meaning',
    expectations_met: 'programmes.monitoring.q.effect.expectations_met',
    open: 'programmes.monitoring.q.effect.open',
  },
};

/** The statement of a question in a phase (the effect-only question in the expectation phase falls back to its effect text). */
export function questionKey(phase: Phase, key: ScaleKey | 'open'): MessageKey {
  return QUESTION_KEYS[phase][key] ?? QUESTION_KEYS.effect[key]!;
}
