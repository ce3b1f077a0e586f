/** Forms of the project monitoring (zod; messages are i18n keys). */
import { z } from 'zod';

/** Public forms are rate-limited like the surveys' (guessing codes). */
export const MONITOR_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };
export const projectParam = { programme: z.string().max(80), id: z.string().max(40) };
export const programmeParam = { programme: z.string().max(80) };
export const codeForm = z.object({ code: z.string().trim().min(1, 'form.required').max(40, 'programmes.monitoring.error.codeUnknown') });
/** The answers are checked by the service (which questions depend on the code's phase). */
export const answerForm = z.looseObject({ code: z.string().max(40) });
export const inviteForm = z.object({
  phase: z.enum(['expectation', 'effect'], 'programmes.monitoring.error.choice'),
  role: z.enum(['resident', 'professional'], 'programmes.monitoring.error.choice'),
  kind: z.enum(['link', 'paper'], 'programmes.monitoring.error.choice'),
  count: z
    .string()
    .trim()
    .regex(/^[0-9]{1,3}$/, 'programmes.monitoring.error.count')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 200, 'programmes.monitoring.error.count'),
});
export const paperQuery = z.object({ klaar: z.literal('1').optional().catch(undefined) });
