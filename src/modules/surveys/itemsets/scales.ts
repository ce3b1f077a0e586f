/**
 * Answer scales and item builders the standard item sets share (itemsets.ts). A stored answer is the
 * option's `value`; lower values are the "more" end, as the Veiligheidsmonitor orders its scales.
 */
import type { AnswerOption, SurveyItem } from './itemsets.types.ts';

/** 5-point agreement scale; 1 = helemaal mee eens … 5 = helemaal mee oneens (the Veiligheidsmonitor's order). */
export const AGREEMENT: readonly AnswerOption[] = [
  { value: 1, labelNl: 'Helemaal mee eens', labelEn: 'Strongly agree' },
  { value: 2, labelNl: 'Mee eens', labelEn: 'Agree' },
  { value: 3, labelNl: 'Niet mee eens, niet mee oneens', labelEn: 'Neither agree nor disagree' },
  { value: 4, labelNl: 'Mee oneens', labelEn: 'Disagree' },
  { value: 5, labelNl: 'Helemaal mee oneens', labelEn: 'Strongly disagree' },
];

/** 5-point satisfaction scale; 1 = zeer tevreden … 5 = zeer ontevreden. */
export const SATISFACTION: readonly AnswerOption[] = [
  { value: 1, labelNl: 'Zeer tevreden', labelEn: 'Very satisfied' },
  { value: 2, labelNl: 'Tevreden', labelEn: 'Satisfied' },
  { value: 3, labelNl: 'Niet tevreden, niet ontevreden', labelEn: 'Neither satisfied nor dissatisfied' },
  { value: 4, labelNl: 'Ontevreden', labelEn: 'Dissatisfied' },
  { value: 5, labelNl: 'Zeer ontevreden', labelEn: 'Very dissatisfied' },
];

export const YES_NO: readonly AnswerOption[] = [
  { value: 1, labelNl: 'Ja', labelEn: 'Yes' },
  { value: 2, labelNl: 'Nee', labelEn: 'No' },
];

/** How often; 1 = (bijna) elke dag … 5 = (bijna) nooit. */
export const FREQUENCY: readonly AnswerOption[] = [
  { value: 1, labelNl: '(Bijna) elke dag', labelEn: '(Almost) every day' },
  { value: 2, labelNl: 'Elke week', labelEn: 'Every week' },
  { value: 3, labelNl: 'Elke maand', labelEn: 'Every month' },
  { value: 4, labelNl: 'Een paar keer per jaar', labelEn: 'A few times a year' },
  { value: 5, labelNl: '(Bijna) nooit', labelEn: '(Almost) never' },
];

/** With how many people. */
export const HOW_MANY: readonly AnswerOption[] = [
  { value: 1, labelNl: 'Met niemand', labelEn: 'Nobody' },
  { value: 2, labelNl: '1 tot 4 mensen', labelEn: '1 to 4 people' },
  { value: 3, labelNl: '5 tot 9 mensen', labelEn: '5 to 9 people' },
  { value: 4, labelNl: '10 mensen of meer', labelEn: '10 people or more' },
];

/** How often in the past year (doing something together). */
export const TIMES_A_YEAR: readonly AnswerOption[] = [
  { value: 1, labelNl: 'Nooit', labelEn: 'Never' },
  { value: 2, labelNl: '1 keer', labelEn: 'Once' },
  { value: 3, labelNl: '2 tot 5 keer', labelEn: '2 to 5 times' },
  { value: 4, labelNl: 'Vaker dan 5 keer', labelEn: 'More than 5 times' },
];

export const agree = (key: string, textNl: string, textEn: string, reverse = false): SurveyItem => ({
  key,
  textNl,
  textEn,
  kind: 'scale',
  options: AGREEMENT,
  ...(reverse ? { reverse: true } : {}),
});
export const scale = (key: string, options: readonly AnswerOption[], textNl: string, textEn: string, optional = false): SurveyItem => ({
  key,
  textNl,
  textEn,
  kind: 'scale',
  options,
  ...(optional ? { optional: true } : {}),
});
export const hours = (key: string, textNl: string, textEn: string, optional = false): SurveyItem => ({
  key,
  textNl,
  textEn,
  kind: 'number',
  min: 0,
  max: 744,
  ...(optional ? { optional: true } : {}),
});
