/** Forms and parameters of voting (zod; messages are i18n keys), with their limits. */
import { z } from 'zod';
import { UUID_RE } from '../../../platform/ids.ts';

/** At most this many paper codes per batch (one printable page run). */
export const MAX_CODES = 500;
export const MAX_CHOICES = 100;

export const roundParam = { round: z.string().regex(UUID_RE) };

export const ballotQuery = z.object({
  klaar: z.enum(['gestemd']).optional().catch(undefined),
});

export const voteForm = z.object({
  choices: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((l) => l.length <= MAX_CHOICES && l.every((id) => UUID_RE.test(id)), 'initiatives.voting.error.unknown'),
  code: z.string().max(40, 'initiatives.voting.error.codeUnknown').default(''),
  area: z.string().max(20).default(''),
});

export const codesForm = z.object({
  count: z.coerce
    .number('initiatives.voting.error.count')
    .int('initiatives.voting.error.count')
    .min(1, 'initiatives.voting.error.count')
    .max(MAX_CODES, 'initiatives.voting.error.count'),
  area: z
    .string()
    .max(20)
    .default('')
    .transform((v) => (v === '' ? null : v)),
});
