/**
 * Small input rules shared by every module's zod schemas.
 *
 * Control characters: a line break in a one-line field (a name, title, address, phone, e-mail,
 * URL…) ends up as an extra line in line-based formats such as iCalendar, CSV or e-mail headers.
 * One-line fields refuse every control character (C0, DEL, C1, and the Unicode line and
 * paragraph separators); multi-line fields (descriptions) keep line breaks, normalised to `\n`,
 * turn tabs into spaces and refuse the rest. Messages are i18n keys (`form.controlChars` by
 * default; modules pass their own).
 */
import { z } from 'zod';

/** Any character a one-line text may not hold. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** What a multi-line text may not hold once its line breaks are `\n` and tabs are spaces. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const MULTI_LINE_FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** `\r\n` and `\r` become `\n`, a tab a space. */
export function normaliseMultiLine(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

/** True when `s` is acceptable as a one-line text. */
export const isSingleLine = (s: string): boolean => !SINGLE_LINE_FORBIDDEN.test(s);
/** True when `s` (already normalised) is acceptable as a multi-line text. */
export const isMultiLine = (s: string): boolean => !MULTI_LINE_FORBIDDEN.test(s);

/** A one-line string: `singleLine(z.string().trim().max(200))`; keeps the string schema's methods. */
export function singleLine<T extends z.ZodString>(schema: T, message = 'form.controlChars'): T {
  return schema.refine(isSingleLine, message) as T;
}

/** A multi-line string (descriptions): line breaks normalised to `\n`, tabs to spaces, other control characters refused. */
export function multiLine<T extends z.ZodString>(schema: T, message = 'form.controlChars'): T {
  return schema.overwrite(normaliseMultiLine as unknown as (s: z.output<T>) => z.output<T>).refine(isMultiLine, message) as T;
}

/**
 * An object of optional query parameters in which an empty value (`?search=`) counts as absent,
 * as a browser form or a generated client sends it for a filter left empty.
 */
export function emptyAsAbsent<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '')) : v),
    schema,
  );
}
