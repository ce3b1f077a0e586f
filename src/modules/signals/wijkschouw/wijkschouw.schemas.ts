/** Forms of the wijkschouw pages (zod; messages are i18n keys), with their limits. */
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { ZONE } from '../../../platform/time.ts';
import { UUID_RE } from '../../../platform/ids.ts';
import {
  MAX_COORDINATE,
  MAX_DESCRIPTION_INPUT,
  MAX_EMAIL,
  MAX_LINE_INPUT,
  optionalText,
  PUBLIC_ID_RE,
  SUBMISSION_ID_RE,
} from '../signals.schemas.ts';

/** Characters of a session's title. */
export const MAX_TITLE = 200;
/** Characters of a session's meeting point. */
export const MAX_MEETING_POINT = 300;
/** Characters of a participant's name or role. */
export const MAX_PERSON = 200;
/** Characters of the participants list as typed (one per line). */
export const MAX_PARTICIPANTS_INPUT = 20_000;
/** Characters of a date as typed (dd-mm-jjjj). */
export const MAX_DATE_INPUT = 30;
/** Characters of an area code. */
export const MAX_AREA_CODE = 20;
/** Characters of a category's code. */
export const MAX_CATEGORY_CODE = 60;
/** Characters the form accepts at all for a long one-line text (title, meeting point) before the service checks it. */
const MAX_LONG_LINE_INPUT = 1000;

/** A session's path parameter (a malformed one is no page: 404). */
export const sessionIdParam = { id: z.string().regex(UUID_RE) };

/** `?categorie=<code>` (the chosen category) and `?toegevoegd=<number>` (the signal just added) on the session page. */
export const sessionQuery = z.object({
  categorie: z.string().optional().catch(undefined),
  toegevoegd: z.string().regex(PUBLIC_ID_RE).optional().catch(undefined),
});

export const sessionForm = z.object({
  title: optionalText(MAX_LINE_INPUT),
  areaCode: optionalText(MAX_AREA_CODE),
  date: optionalText(MAX_DATE_INPUT),
  meetingPoint: optionalText(MAX_LONG_LINE_INPUT),
  participants: optionalText(MAX_PARTICIPANTS_INPUT),
});
export const participantForm = z.object({
  name: optionalText(MAX_LINE_INPUT),
  role: optionalText(MAX_LINE_INPUT),
  email: optionalText(MAX_LINE_INPUT),
});
/** The signal form; the answers to the category's extra questions (`answer_<key>`) are kept as sent (form-input.ts reads them). */
export const sessionSignalForm = z.looseObject({
  category: optionalText(MAX_CATEGORY_CODE),
  submissionId: z.string().regex(SUBMISSION_ID_RE, 'form.invalidValue'),
  description: z.string().max(MAX_DESCRIPTION_INPUT, 'signals.error.descriptionTooLong').optional().default(''),
  address: optionalText(MAX_LINE_INPUT),
  lat: optionalText(MAX_COORDINATE),
  lon: optionalText(MAX_COORDINATE),
  contactName: optionalText(MAX_LINE_INPUT),
  contactEmail: optionalText(MAX_LINE_INPUT),
});

/** Participants of one session. */
export const MAX_PARTICIPANTS = 40;
/** An e-mail address as a participant or contact types it. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ParticipantInput {
  name: string;
  role: string;
  email: string | null;
}

/** One participant per line: "Naam, rol of organisatie, e-mail" (role and e-mail optional; the part with an @ is the e-mail). Errors name the line. */
export function parseParticipants(text: string): { participants: ParticipantInput[]; error: { key: MessageKey; line: number } | null } {
  const participants: ParticipantInput[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const parts = line
      .split(/[,;]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const emailPart = parts.find((p) => p.includes('@')) ?? null;
    const rest = parts.filter((p) => p !== emailPart);
    const name = rest[0] ?? '';
    const role = rest.slice(1).join(', ');
    if (!name) return { participants, error: { key: 'signals.wijkschouw.error.participantName', line: i + 1 } };
    if (name.length > MAX_PERSON || role.length > MAX_PERSON) {
      return { participants, error: { key: 'signals.wijkschouw.error.participantTooLong', line: i + 1 } };
    }
    if (emailPart && (emailPart.length > MAX_EMAIL || !EMAIL.test(emailPart))) {
      return { participants, error: { key: 'signals.wijkschouw.error.participantEmail', line: i + 1 } };
    }
    participants.push({ name, role, email: emailPart?.toLowerCase() ?? null });
  }
  if (participants.length > MAX_PARTICIPANTS) {
    return { participants, error: { key: 'signals.wijkschouw.error.tooManyParticipants', line: MAX_PARTICIPANTS + 1 } };
  }
  return { participants, error: null };
}

/** A date as typed (2026-11-24, 24-11-2026 or 24/11/2026) to ISO, or null. */
export function parseWalkDate(text: string): string | null {
  const v = text.trim();
  let d = DateTime.fromFormat(v, 'yyyy-MM-dd', { zone: ZONE });
  if (!d.isValid) d = DateTime.fromFormat(v.replace(/\//g, '-'), 'd-M-yyyy', { zone: ZONE });
  if (!d.isValid || d.year < 2000 || d.year > 2100) return null;
  return d.toISODate();
}
