/** Forms of merging duplicates and splitting off a part (zod; messages are i18n keys), with their limits. */
import { z } from 'zod';
import { UUID_RE } from '../../../platform/ids.ts';
import { MAX_DESCRIPTION, PUBLIC_ID_RE } from '../signals.schemas.ts';

/** Characters of the coordinator's note with a merge. */
export const MAX_MERGE_NOTE = 2000;
/** Characters of the other signal's number as typed (SIG-2026-000123 is 15; some room for spaces). */
export const MAX_NUMBER_INPUT = 20;

/** `?met=<number>` on the merge page: the other signal as typed (anything that is not text is no choice yet). */
export const mergeQuery = z.object({ met: z.string().optional().catch(undefined) });

export const mergeForm = z.object({
  met: z.string().trim().toUpperCase().regex(PUBLIC_ID_RE, 'signals.merge.error.format'),
  hoofd: z.string().trim().toUpperCase().regex(PUBLIC_ID_RE, 'form.invalidValue'),
  note: z.string().max(MAX_MERGE_NOTE, 'signals.error.tooLong').optional().default(''),
});

export const splitForm = z.object({
  submissionId: z.string().regex(UUID_RE, 'form.invalidValue'),
  categoryId: z.string().regex(UUID_RE, 'signals.error.category'),
  organisationId: z
    .union([z.literal(''), z.string().regex(UUID_RE, 'form.invalidValue')])
    .optional()
    .default(''),
  description: z.string().trim().min(1, 'signals.error.descriptionRequired').max(MAX_DESCRIPTION, 'signals.error.descriptionTooLong'),
});
