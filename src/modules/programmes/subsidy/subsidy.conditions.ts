/**
 * Groningen's six conditions for multi-year neighbourhood programmes of partner organisations,
 * "vanaf 2011" (seed 003 §6a3, l.427-438). The texts are in the message catalogue.
 */
import type { MessageKey } from '../../../platform/i18n/index.ts';

export const CONDITIONS = ['1', '2', '3', '4', '5', '6'] as const;
export type ConditionNo = (typeof CONDITIONS)[number];

export const CONDITION_TEXT: Record<ConditionNo, MessageKey> = {
  '1': 'programmes.subsidy.condition.1',
  '2': 'programmes.subsidy.condition.2',
  '3': 'programmes.subsidy.condition.3',
  '4': 'programmes.subsidy.condition.4',
  '5': 'programmes.subsidy.condition.5',
  '6': 'programmes.subsidy.condition.6',
};

export const DECISIONS = ['granted', 'partly', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];
export const MAX_EVIDENCE = 1000;
export const MAX_REASONS = 2000;
/** A multi-year programme runs at most this many years. */
export const MAX_YEARS = 10;
