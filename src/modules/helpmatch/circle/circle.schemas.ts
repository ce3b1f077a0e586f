/** Forms of the care circle and the reciprocity question; messages are i18n keys. */
import { z } from 'zod';
import { MAX } from '../helpmatch.schemas.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

/** A date as yyyy-mm-dd (the form; the calendar check is isIsoDate in circle.schedule.ts). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const requiredText = (max: number) => z.string('form.required').trim().min(1, 'form.required').max(max, 'form.tooLong');
const optionalText = (max: number) => z.string().trim().max(max, 'form.tooLong').optional().default('');

export const createCircleForm = z.object({
  personName: requiredText(MAX.title),
  personDetails: optionalText(MAX.longText),
  createdAs: z.enum(['self', 'carer', 'on_behalf'], 'form.invalidValue'),
  areaCode: z.string().trim().max(64, 'helpmatch.circle.form.unknownArea').optional().default(''),
});

export const taskForm = z.object({
  title: requiredText(MAX.title),
  notes: optionalText(MAX.text),
  recurrence: z.enum(['once', 'weekly', 'biweekly'], 'form.invalidValue'),
  startsOn: z.string('form.required').trim().regex(ISO_DATE, 'helpmatch.circle.task.badDate'),
  timeOfDay: z
    .string()
    .trim()
    .regex(/^(([01][0-9]|2[0-3]):[0-5][0-9])?$/, 'helpmatch.circle.task.badTime')
    .optional()
    .default(''),
});

export const hoursForm = z.object({
  hours: z
    .string('helpmatch.circle.turn.badHours')
    .trim()
    .regex(/^\d{1,2}([.,]\d{1,2})?$/, 'helpmatch.circle.turn.badHours')
    .transform((s) => Number(s.replace(',', '.')))
    .refine((n) => n >= 0.25 && n <= MAX.turnHours, 'helpmatch.circle.turn.badHours'),
});

export const circleInviteForm = z.object({
  email: z
    .string('form.required')
    .trim()
    .toLowerCase()
    .min(1, 'form.required')
    .max(MAX.email, 'form.tooLong')
    .pipe(z.email('form.invalidEmail')),
  name: requiredText(MAX.title),
});

export const reciprocityForm = z.object({
  answer: z.string().trim().max(MAX.text, 'form.tooLong').optional().default(''),
});

/** Notices after a redirect (`?melding=code`); only these codes are shown. */
const NOTICES: Record<string, MessageKey> = {
  'kring-gemaakt': 'helpmatch.circle.notice.created',
  'uitnodiging-verstuurd': 'helpmatch.circle.notice.invited',
  'uitnodiging-ingetrokken': 'helpmatch.circle.notice.revoked',
  welkom: 'helpmatch.circle.notice.joined',
  'taak-toegevoegd': 'helpmatch.circle.notice.taskAdded',
  'taak-gestopt': 'helpmatch.circle.notice.taskStopped',
  opgepakt: 'helpmatch.circle.notice.taken',
  teruggegeven: 'helpmatch.circle.notice.released',
  gedaan: 'helpmatch.circle.notice.done',
  'lid-verwijderd': 'helpmatch.circle.notice.removed',
  verlaten: 'helpmatch.circle.notice.left',
  opgeheven: 'helpmatch.circle.notice.closed',
  'antwoord-opgeslagen': 'helpmatch.ledger.ask.saved',
  'antwoord-weggehaald': 'helpmatch.ledger.ask.removed',
};

/** The i18n key of the notice named in the query string (`melding`), or null. */
export function noticeOf(query: { melding?: string | undefined }): MessageKey | null {
  return query.melding !== undefined && Object.hasOwn(NOTICES, query.melding) ? (NOTICES[query.melding] ?? null) : null;
}

/** The query string of a care-circle page: a notice after a redirect; anything else is ignored. */
export const noticeQuery = z.object({ melding: z.string().optional().catch(undefined) });

/** The query string of the circle's week: a notice, and the `week` to show when it is a date (otherwise this week). */
export const weekQuery = noticeQuery.extend({ week: z.string().regex(ISO_DATE).optional().catch(undefined) });

/** A date in the path of a turn. */
export const dateParam = z.string().regex(ISO_DATE);
