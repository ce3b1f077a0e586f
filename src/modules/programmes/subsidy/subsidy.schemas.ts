/** Forms of the subsidy proposals (zod; messages are i18n keys). */
import { z } from 'zod';
import { multiLine, singleLine } from '../../../platform/input.ts';
import { parseEuros } from '../cards/money.ts';
import { CONDITIONS, DECISIONS, MAX_EVIDENCE, MAX_REASONS, type ConditionNo } from './subsidy.conditions.ts';

export const proposalParam = { id: z.string().max(40) };
export const listQuery = z.object({ klaar: z.enum(['ingediend', 'besloten']).optional().catch(undefined) });

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ''));
const year = z
  .string()
  .trim()
  .regex(/^(19|20)[0-9]{2}$/, 'programmes.subsidy.error.year')
  .transform(Number);
/** Euros as typed ("25.000", "1.250,50") → cents; empty → null; anything else or negative is refused. */
const euros = z
  .string()
  .max(20, 'programmes.subsidy.error.amount')
  .default('')
  .transform((v) => parseEuros(v))
  .refine((c) => c === null || (Number.isInteger(c) && c >= 0), 'programmes.subsidy.error.amount');

export const proposalForm = z.object({
  organisationId: z.string().max(40).default(''),
  title: singleLine(z.string().trim().min(1, 'programmes.subsidy.error.title').max(200, 'programmes.subsidy.error.title')),
  summary: multiLine(z.string().trim().max(4000, 'programmes.subsidy.error.summary')).default(''),
  startYear: year,
  endYear: year,
  requested: euros,
  goalIds: list,
  areaCodes: list,
});

const met = z.enum(['', 'yes', 'no'], 'programmes.subsidy.error.choice').default('');
const evidence = multiLine(z.string().trim().max(MAX_EVIDENCE, 'programmes.subsidy.error.text')).default('');

export const decisionForm = z
  .object({
    met1: met,
    met2: met,
    met3: met,
    met4: met,
    met5: met,
    met6: met,
    evidence1: evidence,
    evidence2: evidence,
    evidence3: evidence,
    evidence4: evidence,
    evidence5: evidence,
    evidence6: evidence,
    decision: z.enum(DECISIONS, 'programmes.subsidy.error.choice'),
    granted: euros,
    reasons: multiLine(z.string().trim().max(MAX_REASONS, 'programmes.subsidy.error.text')).default(''),
  })
  .transform((f) => ({
    conditions: Object.fromEntries(
      CONDITIONS.map((c) => [c, { met: f[`met${c}`] === '' ? null : f[`met${c}`] === 'yes', evidence: f[`evidence${c}`] }]),
    ) as Record<ConditionNo, { met: boolean | null; evidence: string }>,
    decision: f.decision,
    grantedCents: f.granted,
    reasons: f.reasons,
  }));
