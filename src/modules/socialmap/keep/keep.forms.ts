/**
 * The forms of the maintenance pages as zod schemas (for `spec.form` of the route edge): forgiving
 * readers of what was typed (texts trimmed, a repeated field gives its first value, checkbox groups
 * as lists). What the entries must satisfy is checked by the social map service functions, whose
 * field errors the pages show beside the fields (`keepFieldNames` maps them onto the form's names).
 */
import { z } from 'zod';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { UUID_RE } from '../../../platform/ids.ts';
import { listTerms } from '../taxonomy/taxonomy.service.ts';

/** A checkbox group keeps at most this many values of at most this many characters (others are dropped). */
export const CHOICES_MAX = 50;
export const CHOICE_LENGTH_MAX = 100;

/** An id in a maintenance path (a malformed one is no page: 404). */
export const uuidParam = z.string().regex(UUID_RE);
export const serviceIdParam = uuidParam;

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** A submitted text field, trimmed; '' when absent or not a text. */
export const formText = z.preprocess(firstOf, z.string().trim().catch(''));
/** A submitted checkbox group as a list of strings (none, one or many). */
export const formChoices = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.unknown())
    .catch([])
    .transform((l) => l.filter((x): x is string => typeof x === 'string' && x.length <= CHOICE_LENGTH_MAX).slice(0, CHOICES_MAX)),
);

/** `?melding=…` after a redirect (views/keep/fields.tsx knows the codes). */
export const noticeQuery = z.object({ melding: z.string().optional().catch(undefined) });

export const serviceForm = z.object({
  organization_id: formText,
  name: formText,
  description: formText,
  status: formText.transform((s) => s || 'active'),
  email: formText,
  url: formText,
  functions: formChoices,
  groups: formChoices,
});

export const locationForm = z.object({
  name: formText,
  address_1: formText,
  postal_code: formText,
  city: formText,
  latitude: formText,
  longitude: formText,
  accessibility: formChoices,
});

export const scheduleForm = z.object({
  kind: formText,
  days: formChoices,
  weeks: formChoices,
  date: formText,
  valid_from: formText,
  valid_to: formText,
  opens_at: formText,
  closes_at: formText,
  description: formText,
});

/** One field of a form whose fields carry a suffix (`date-3`): the field name → its value, '' when absent. */
function suffixed(raw: unknown, name: string): string {
  const entry = raw && typeof raw === 'object' ? Object.entries(raw).find(([k]) => k === name) : undefined;
  const v = firstOf(entry?.[1]);
  return typeof v === 'string' ? v.trim() : '';
}

/** Cancelling one date of a time: the service page lists dates, each with `date-{i}` and `note-{i}` and a button `index={i}`. */
export const cancelForm = z.preprocess(
  (raw) => {
    const index = suffixed(raw, 'index').slice(0, 4);
    return {
      date: suffixed(raw, `date-${index}`) || suffixed(raw, 'date'),
      note: suffixed(raw, `note-${index}`) || suffixed(raw, 'note'),
    };
  },
  z.object({ date: z.string(), note: z.string() }),
);

/** "Klopt nog": back to the list (`terug=lijst`) or to the entry. */
export const checkedForm = z.object({ terug: formText });

/** A decimal number as typed by a Dutch user ("51,9175" or "51.9175"); null when empty, NaN when not a number. */
export function decimal(s: string): number | null {
  if (s === '') return null;
  const n = Number(s.replace(',', '.'));
  return /^-?\d+([.,]\d+)?$/.test(s) ? n : Number.NaN;
}

/**
 * Field errors of the social map service renamed to the form's fields (`term_codes` → `functions`,
 * `address.city` → `city`); the first message per form field is kept.
 */
export function keepFieldNames(errors: Record<string, string>, rename: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const name = rename[k] ?? k.replace(/^address\./, '');
    if (!out[name]) out[name] = v;
  }
  return out;
}

/** The terms of one of our taxonomies as checkbox options (stable code → name in the reader's language). */
export async function termOptions(
  db: DbOrTrx,
  tenantId: string,
  taxonomyCode: string,
  locale: 'nl' | 'en' = 'nl',
): Promise<{ value: string; label: string }[]> {
  const terms = await listTerms(db, tenantId, { taxonomyCode });
  return terms.filter((x) => x.code).map((x) => ({ value: x.code!, label: locale === 'en' && x.name_en ? x.name_en : x.name }));
}
