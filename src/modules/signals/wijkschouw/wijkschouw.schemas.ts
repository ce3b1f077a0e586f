/** Forms of the wijkschouw pages (zod; messages are i18n keys), with their limits. */
import { z } from 'zod';
import { UUID_RE } from '../../../platform/ids.ts';
import { MAX_COORDINATE, MAX_DESCRIPTION_INPUT, MAX_LINE_INPUT, optionalText, PUBLIC_ID_RE, SUBMISSION_ID_RE } from '../signals.schemas.ts';

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
