import { z } from 'zod';

/** Limits of the survey builder (used by the form schema, the service and the views). */
export const MAX_TITLE = 200;
export const MAX_INTRO = 2000;
export const MAX_CODES = 500;
/** Below this many respondents no figure is published; never lower than 5 (issue 13). */
export const MIN_THRESHOLD = 5;
export const DEFAULT_THRESHOLD = 30;
export const MAX_THRESHOLD = 10000;
/** A monitor period: a year, a quarter or a month (`2026`, `2026-Q4`, `2026-11`). */
export const PERIOD = /^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

const optionalDay = z
  .string()
  .trim()
  .refine((v) => v === '' || DAY.test(v), 'surveys.builder.error.day')
  .default('');

/** The new/edit form of a survey. */
export const surveyForm = z.object({
  title_nl: z.string().trim().min(1, 'form.required').max(MAX_TITLE, 'surveys.builder.error.tooLong'),
  title_en: z.string().trim().max(MAX_TITLE, 'surveys.builder.error.tooLong').default(''),
  intro_nl: z.string().trim().max(MAX_INTRO, 'surveys.builder.error.tooLong').default(''),
  intro_en: z.string().trim().max(MAX_INTRO, 'surveys.builder.error.tooLong').default(''),
  item_sets: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  area_code: z.string().trim().max(20, 'surveys.builder.error.area').default(''),
  period: z.string().trim().regex(PERIOD, 'surveys.builder.error.period'),
  opens_on: optionalDay,
  closes_on: optionalDay,
  open_link: z.string().optional(),
  status: z.enum(['draft', 'open', 'closed'], 'surveys.builder.error.status'),
  min_respondents: z.coerce
    .number('surveys.builder.error.threshold')
    .int('surveys.builder.error.threshold')
    .min(MIN_THRESHOLD, 'surveys.builder.error.threshold')
    .max(MAX_THRESHOLD, 'surveys.builder.error.threshold'),
});
export type SurveyForm = z.output<typeof surveyForm>;

/** Making codes: how many and which kind. */
export const codesForm = z.object({
  count: z.coerce
    .number('surveys.codes.error.count')
    .int('surveys.codes.error.count')
    .min(1, 'surveys.codes.error.count')
    .max(MAX_CODES, 'surveys.codes.error.count'),
  kind: z.enum(['personal', 'paper'], 'surveys.codes.error.kind'),
  qr: z.string().optional(),
});

export const surveyIdParam = { id: z.string().uuid() };
