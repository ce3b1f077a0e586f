import { z } from 'zod';
import { INDICATOR_THEMES, INDICATOR_UNITS } from '../../../platform/module.ts';

/**
 * What a coordinator enters for an indicator and a target (forms and the service share these;
 * messages are i18n keys). Numbers come as text from a form: coerced, with a comma as decimal mark.
 */
const text = (max: number) => z.string().trim().min(1, 'monitor.ind.error.name').max(max, 'monitor.ind.error.tooLong');
/** A decimal number as typed ("6,2" or "6.2"); empty is missing. */
const decimal = (key: 'monitor.target.error.value' | 'monitor.target.error.baselineValue') =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v), z.number(key));

export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const indicatorInput = z.object({
  code: z.string().trim().min(1, 'monitor.ind.error.code').max(50, 'monitor.ind.error.codeLength').regex(CODE, 'monitor.ind.error.code'),
  nameNl: text(200),
  nameEn: text(200),
  descriptionNl: z.string().trim().max(2000, 'monitor.ind.error.tooLong').default(''),
  descriptionEn: z.string().trim().max(2000, 'monitor.ind.error.tooLong').default(''),
  unit: z.enum(INDICATOR_UNITS, 'monitor.ind.error.choose'),
  direction: z.enum(['up', 'down', 'neutral'], 'monitor.ind.error.choose'),
  source: z.enum(['cbs', 'survey', 'platform', 'import'], 'monitor.ind.error.choose'),
  theme: z.enum(INDICATOR_THEMES, 'monitor.ind.error.choose'),
  formula: z.string().trim().max(500, 'monitor.ind.error.tooLong').default(''),
  minRespondents: z.coerce
    .number('monitor.ind.error.threshold')
    .int('monitor.ind.error.threshold')
    .min(5, 'monitor.ind.error.threshold')
    .max(100000, 'monitor.ind.error.threshold'),
  decimals: z.coerce
    .number('monitor.ind.error.decimals')
    .int('monitor.ind.error.decimals')
    .min(0, 'monitor.ind.error.decimals')
    .max(4, 'monitor.ind.error.decimals')
    .default(1),
});
export type IndicatorInput = z.input<typeof indicatorInput>;

export const targetInput = z.object({
  /** Empty: for the municipality as a whole. */
  areaCode: z
    .string()
    .trim()
    .max(20, 'monitor.target.error.area')
    .regex(/^([A-Z]{2}[0-9]{4,8})?$/, 'monitor.target.error.area')
    .default(''),
  baselinePeriod: z
    .string()
    .trim()
    .min(1, 'monitor.target.error.baselineMissing')
    .regex(/^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'monitor.target.error.baselinePeriod'),
  /** Empty: taken from the measurement of the baseline period. */
  baselineValue: z.preprocess(
    (v) =>
      v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
        ? null
        : typeof v === 'string'
          ? Number(v.trim().replace(',', '.'))
          : v,
    z.number('monitor.target.error.baselineValue').nullable(),
  ),
  targetValue: decimal('monitor.target.error.value'),
  targetYear: z.coerce
    .number('monitor.target.error.year')
    .int('monitor.target.error.year')
    .min(1990, 'monitor.target.error.year')
    .max(2100, 'monitor.target.error.year'),
  comparator: z.enum(['at_least', 'at_most'], 'monitor.ind.error.choose'),
  noteNl: z.string().trim().max(500, 'monitor.ind.error.tooLong').default(''),
  noteEn: z.string().trim().max(500, 'monitor.ind.error.tooLong').default(''),
});
type RawTarget = z.input<typeof targetInput>;
/** What callers pass (a form's strings or numbers); the baseline value may be left out. */
export type TargetInput = Omit<RawTarget, 'baselineValue'> & { baselineValue?: RawTarget['baselineValue'] };
