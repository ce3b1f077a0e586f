/**
 * The shapes and limits of signals' pages, defined once: the schema, the service and the view use
 * the same constant. Field messages are i18n keys.
 */
import { z } from 'zod';

/** A signal's public number: SIG-<year>-<six digits>. */
export const PUBLIC_ID_RE = /^SIG-\d{4}-\d{6}$/;
/** A category's service code in a URL. */
export const CATEGORY_CODE_RE = /^[a-z0-9-]{1,60}$/;
/** A client-made submission id / pending photo id (a UUID as text). */
export const SUBMISSION_ID_RE = /^[0-9a-f-]{36}$/;

/** A signal's description (service rule, form field). */
export const MAX_DESCRIPTION = 5000;
/** What the report form accepts at all for a description before the service says it is too long. */
export const MAX_DESCRIPTION_INPUT = 20_000;
/** An address (service rule, form field). */
export const MAX_ADDRESS = 200;
/** A reporter's name. */
export const MAX_NAME = 200;
/** What the report form accepts at all for a one-line text (name, address, e-mail) before the service checks it. */
export const MAX_LINE_INPUT = 500;
/** An e-mail address. */
export const MAX_EMAIL = 254;
/** A phone number as typed. */
export const MAX_PHONE = 100;
/** A typed coordinate. */
export const MAX_COORDINATE = 30;
/** An internal note or a public message with a state change. */
export const MAX_NOTE = 5000;
/** The note with a reassignment. */
export const MAX_REASSIGN_NOTE = 2000;
/** The reason of a satisfaction answer. */
export const MAX_REASON = 2000;
/** An answer to an extra question as read from a form (the question's own rule is MAX_ANSWER_LENGTH in questions.ts). */
export const MAX_ANSWER_INPUT = 1000;
/** Pending photos a reporter may untick in one submission. */
export const MAX_REMOVED_PHOTOS = 20;

/** A text field that may be left out: at most `max` characters. */
export const optionalText = (max: number) => z.string().max(max, 'signals.error.tooLong').optional().default('');

/** The path parameter of a signal's pages; a malformed one is a 404. */
export const publicIdParam = { publicId: z.string().regex(PUBLIC_ID_RE) };

/** A tracking link's token in a URL (the service looks it up; anything else is a 404 there). */
export const tokenParam = { token: z.string().max(200) };
