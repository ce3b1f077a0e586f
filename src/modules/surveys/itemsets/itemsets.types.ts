/**
 * The shape of a standard item set (issue 13): questions with their answer scale, in Dutch and
 * English, and the indicators a set's results become. Every response stores the version of each
 * set it answered, so a change of wording (the cohesion scale had 5 items up to 2019 and 6 from
 * 2021) never mixes with older answers. The sets themselves are in itemsets.ts.
 */
import type { IndicatorDefinition } from '../../../platform/module.ts';

/** An answer scale: the stored value is the option's `value`. */
export interface AnswerOption {
  value: number;
  labelNl: string;
  labelEn: string;
}

export interface SurveyItem {
  /** Stable key within the set, stored in `survey_responses.answers` as `<set>.<key>`. */
  key: string;
  textNl: string;
  textEn: string;
  /** `scale`: one of `options`; `number`: a whole number from `min` to `max` (e.g. hours a month). */
  kind: 'scale' | 'number';
  options?: readonly AnswerOption[];
  min?: number;
  max?: number;
  /** Scored the other way round (e.g. "De mensen kennen elkaar in deze buurt nauwelijks"). */
  reverse?: boolean;
  /** May be left open. */
  optional?: boolean;
}

export interface ItemSet {
  /** `cohesion-vm`, `dsp-functions`, `help-kinds`, `hhw-wijkmonitor`. */
  set: string;
  /** `2019` (5 items), `2021` (6 items), `1`… */
  version: string;
  titleNl: string;
  titleEn: string;
  /** Where the set comes from (seed and line, or the published source). */
  source: string;
  items: readonly SurveyItem[];
  /** The indicators this set's results are stored under (codes fixed in docs/surveys.md). */
  indicators: readonly IndicatorDefinition[];
}
