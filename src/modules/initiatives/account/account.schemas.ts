/** Forms of the accountability pages (zod; messages are i18n keys). */
import { z } from 'zod';
import { multiLine, singleLine } from '../../../platform/input.ts';
import { UUID_RE } from '../../../platform/ids.ts';
import { parseEuro } from '../review/letters.ts';
import { MAX_ALT, MAX_RESULT, MAX_WHAT_HAPPENED } from './account.service.ts';
import { MAX_PHOTO_BYTES } from './files.ts';

export const fileParam = { id: z.string().regex(UUID_RE) };

export const accountQuery = z.object({
  klaar: z.enum(['bestand', 'verwijderd', 'ingestuurd', 'steekproef']).optional().catch(undefined),
});

/** One file per upload (a photo or a receipt); the size limit is the photo's, a PDF is checked further. */
export const UPLOAD_LIMITS = { fileField: 'file', maxFiles: 1, maxFileBytes: MAX_PHOTO_BYTES, maxFields: 10 };

export const uploadForm = z.object({
  kind: z.enum(['photo', 'receipt'], 'initiatives.account.error.kind'),
  altText: singleLine(z.string().trim().max(MAX_ALT, 'initiatives.account.error.alt'), 'initiatives.account.error.alt').default(''),
  shown: z
    .string()
    .optional()
    .transform((v) => v === '1'),
});

export const removeForm = z.object({ file: z.string().regex(UUID_RE) });

export const accountForm = z.object({
  whatHappened: multiLine(
    z.string().trim().min(1, 'initiatives.account.error.whatHappened').max(MAX_WHAT_HAPPENED, 'initiatives.account.error.whatHappened'),
  ),
  participants: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, 'initiatives.account.error.participants')
    .default('')
    .transform((v) => (v === '' ? null : Number(v))),
  spent: z
    .string()
    .max(20, 'initiatives.account.error.spent')
    .default('')
    .transform((v, ctx) => {
      if (v.trim() === '') return null;
      const cents = parseEuro(v);
      if (cents === null) {
        ctx.addIssue({ code: 'custom', message: 'initiatives.account.error.spent' });
        return z.NEVER;
      }
      return cents;
    }),
});

export const spotCheckForm = z.object({
  result: multiLine(z.string().trim().min(1, 'initiatives.account.error.result').max(MAX_RESULT, 'initiatives.account.error.result')),
});
