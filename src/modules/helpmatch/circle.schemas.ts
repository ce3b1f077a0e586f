/** Forms of the care circle and the reciprocity question; messages are i18n keys. */
import { z } from 'zod';

const requiredText = (max: number) => z.string('form.required').trim().min(1, 'form.required').max(max, 'form.tooLong');
const optionalText = (max: number) => z.string().trim().max(max, 'form.tooLong').optional().default('');

export const createCircleForm = z.object({
  personName: requiredText(200),
  personDetails: optionalText(2000),
  createdAs: z.enum(['self', 'carer', 'on_behalf'], 'form.invalidValue'),
  areaCode: z.string().trim().max(64, 'helpmatch.circle.form.unknownArea').optional().default(''),
});

export const taskForm = z.object({
  title: requiredText(200),
  notes: optionalText(1000),
  recurrence: z.enum(['once', 'weekly', 'biweekly'], 'form.invalidValue'),
  startsOn: z
    .string('form.required')
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'helpmatch.circle.task.badDate'),
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
    .refine((n) => n >= 0.25 && n <= 24, 'helpmatch.circle.turn.badHours'),
});

export const circleInviteForm = z.object({
  email: z.string('form.required').trim().toLowerCase().min(1, 'form.required').max(254, 'form.tooLong').pipe(z.email('form.invalidEmail')),
  name: requiredText(200),
});

export const reciprocityForm = z.object({
  answer: z.string().trim().max(1000, 'form.tooLong').optional().default(''),
});

/** Notices after a redirect (`?melding=code`); only these codes are shown. */
const NOTICES: Record<string, string> = {
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

export function noticeOf(query: unknown): string | null {
  const code = (query as { melding?: unknown } | undefined)?.melding;
  return typeof code === 'string' ? (NOTICES[code] ?? null) : null;
}

/** The `week` query parameter when it is a date. */
export function weekOf(query: unknown): string | undefined {
  const w = (query as { week?: unknown } | undefined)?.week;
  return typeof w === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(w) ? w : undefined;
}
