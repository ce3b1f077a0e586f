/** Forms and parameters of the review pages (zod; messages are i18n keys). */
import { z } from 'zod';
import { multiLine } from '../../../platform/input.ts';
import { parseEuro } from './letters.ts';
import { MAX_LETTER, MAX_REASON } from './review.service.ts';

/** `INI-2026-0007`: the application's public reference (an unknown one is a 404 from the service). */
export const referenceParam = { reference: z.string().regex(/^INI-\d{4}-\d{1,6}$/) };

export const reviewQuery = z.object({
  klaar: z.enum(['ontvangst', 'haalbaarheid', 'besluit', 'betaald', 'steekproef']).optional().catch(undefined),
});

const reason = multiLine(z.string().trim().max(MAX_REASON, 'initiatives.review.error.reasonNeeded')).default('');
const okField = z.enum(['yes', 'no'], 'initiatives.review.error.reasonNeeded');

export const feasibilityForm = z.object({
  ok_rules: okField,
  reason_rules: reason,
  ok_budget: okField,
  reason_budget: reason,
  ok_open: okField,
  reason_open: reason,
  ok_safe: okField,
  reason_safe: reason,
});

/** An amount in euros as typed ("750", "750,00", "1.250,50"), in cents; empty is null. */
export const euroField = (message: 'initiatives.review.error.grantedNeeded' | 'initiatives.review.error.amount') =>
  z
    .string()
    .max(20, message)
    .default('')
    .transform((v, ctx) => {
      if (v.trim() === '') return null;
      const cents = parseEuro(v);
      if (cents === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return cents;
    });

export const decisionForm = z.object({
  decision: z.enum(['full', 'partial', 'rejected'], 'initiatives.review.error.decision'),
  granted: euroField('initiatives.review.error.grantedNeeded'),
  reasons: multiLine(z.string().trim().max(MAX_REASON, 'initiatives.review.error.reasonsNeeded')).default(''),
  template: z.string().max(20).default('standard'),
  locale: z.enum(['nl', 'en']).catch('nl'),
  letter: multiLine(z.string().max(MAX_LETTER, 'initiatives.review.error.letter')).default(''),
  step: z.enum(['preview', 'send']).catch('preview'),
});
export type DecisionForm = z.output<typeof decisionForm>;

export const payoutForm = z.object({
  paidOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'initiatives.review.error.paidOn')
    .refine((d) => {
      const t = new Date(`${d}T12:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
    }, 'initiatives.review.error.paidOn'),
  amount: euroField('initiatives.review.error.amount').refine((v) => v !== null, 'initiatives.review.error.amount'),
});
