import { z } from 'zod';

/** Public forms: the open link and the code form are rate-limited like the other public forms (guessing codes). */
export const RESPOND_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };
/** The open link's token (newToken(): 43 characters base64url). */
export const tokenParam = { token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) };
/** The questionnaire form: the fixed fields, and the answers as `<set>.<key>` (checked against the item sets by the service). */
export const answerForm = z.looseObject({
  code: z.string().max(40).optional(),
  buurt: z.string().max(20).optional(),
  postcode: z.string().max(10).optional(),
  huisnummer: z.string().max(10).optional(),
});
export const codeForm = z.object({ code: z.string().trim().min(1, 'form.required').max(40, 'surveys.respond.error.codeUnknown') });
