import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max, 'evaluation.register.error.tooLong').default('');
const required = (max: number) => z.string().trim().min(1, 'form.required').max(max, 'evaluation.register.error.tooLong');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'evaluation.register.error.day');
const areaCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}[0-9]{4,8}$/, 'evaluation.register.error.areaOutside');
const codes = (schema: z.ZodType<string>) => z.array(schema).max(60, 'evaluation.register.error.tooMany').default([]);

/** What a coordinator fills in (the form and the facade). */
export const evaluationInput = z.object({
  cardId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().uuid('evaluation.register.error.card').nullable()),
  titleNl: required(300),
  titleEn: text(300),
  questionNl: required(2000),
  questionEn: text(2000),
  interventionCodes: codes(areaCode),
  comparisonCodes: codes(areaCode),
  /** Comparison codes taken over from the suggestion: their distance is computed again and stored. */
  suggestedCodes: codes(areaCode),
  indicatorCodes: codes(z.string().trim().min(1).max(50, 'evaluation.register.error.unknownIndicator')),
  startDay: day,
  endDay: z.preprocess((v) => (v === '' || v === undefined ? null : v), day.nullable()),
  method: z.enum(['did', 'synthetic'], 'form.invalidValue').default('did'),
  status: z.enum(['draft', 'running', 'finished'], 'form.invalidValue').default('draft'),
  published: z.boolean().default(false),
  sourceNote: text(1000),
});
/** What the facade takes (checked by `evaluationInput`). */
export interface EvaluationInput {
  cardId?: string | null;
  titleNl: string;
  titleEn?: string;
  questionNl: string;
  questionEn?: string;
  interventionCodes: readonly string[];
  comparisonCodes: readonly string[];
  /** Comparison codes taken over from the suggestion (their distance is stored). */
  suggestedCodes?: readonly string[];
  indicatorCodes: readonly string[];
  startDay: string;
  endDay?: string | null;
  method?: 'did' | 'synthetic';
  status?: 'draft' | 'running' | 'finished';
  published?: boolean;
  sourceNote?: string;
}
export type EvaluationData = z.output<typeof evaluationInput>;

export const suggestInput = z.object({
  interventionCodes: z.array(areaCode).min(1, 'evaluation.register.error.noIntervention').max(60),
  indicatorCodes: z.array(z.string().min(1).max(50)).max(20).default([]),
  startDay: day,
  limit: z.number().int().min(1).max(500).default(8),
});
export interface SuggestInput {
  interventionCodes: readonly string[];
  indicatorCodes?: readonly string[];
  startDay: string;
  limit?: number;
}
