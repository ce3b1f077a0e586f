/** Forms and limits of calls for initiatives. */
import { z } from 'zod';
import { multiLine, singleLine } from '../../../platform/input.ts';

export const CALL_ORIGINS = ['wijkschouw', 'white_spot', 'knelpunt', 'other'] as const;
export const MAX_CALL_TITLE = 200;
export const MAX_CALL_TEXT = 2000;
export const MAX_ORIGIN_REF = 200;

export const callForm = z.object({
  fund: z.uuid('initiatives.joined.error.fund'),
  origin: z.enum(CALL_ORIGINS, 'initiatives.joined.error.origin'),
  originRef: singleLine(
    z.string().trim().max(MAX_ORIGIN_REF, 'initiatives.joined.error.originRef'),
    'initiatives.joined.error.originRef',
  ).default(''),
  area: z.string().max(20, 'initiatives.joined.error.area').default(''),
  title: singleLine(z.string().trim().min(3, 'initiatives.joined.error.title').max(MAX_CALL_TITLE, 'initiatives.joined.error.title')),
  text: multiLine(z.string().trim().max(MAX_CALL_TEXT, 'initiatives.joined.error.text')).default(''),
});

/** `?wijk=` shows what can become a call there; the other fields fill the form in (from "make a call of this"). */
export const callsQuery = z.object({
  wijk: z.string().max(20).optional().catch(undefined),
  origin: z.enum(CALL_ORIGINS).optional().catch(undefined),
  ref: z.string().max(MAX_ORIGIN_REF).optional().catch(undefined),
  area: z.string().max(20).optional().catch(undefined),
  title: z.string().max(MAX_CALL_TITLE).optional().catch(undefined),
  klaar: z.literal('oproep').optional().catch(undefined),
});
