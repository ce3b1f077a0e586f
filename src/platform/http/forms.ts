import type { z } from 'zod';
import type { FieldErrors } from '../errors.ts';
import { isMessageKey, type Translate } from '../i18n/index.ts';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };
export type FormCheck<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validate a submitted form with a zod schema. Schema messages are i18n keys
 * (`z.string().min(1, 'form.required')`); other messages fall back to a generic one.
 * Returns translated errors keyed by field name, first error per field.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, t: Translate): FormResult<z.infer<S>> {
  const checked = checkForm(schema, body);
  if (checked.ok) return checked;
  return { ok: false, errors: Object.fromEntries(Object.entries(checked.errors).map(([field, key]) => [field, t(key)])) };
}

/** `parseForm` without translating: the errors are message keys (for `Invalid`). */
export function checkForm<S extends z.ZodType>(schema: S, body: unknown): FormCheck<z.infer<S>> {
  // PostgreSQL cannot store U+0000 in text: refuse it here as a field error rather than fail in the database.
  const errors: FieldErrors = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if ((Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && x.includes('\u0000'))) errors[k] = 'form.invalidValue';
    }
  }
  const result = schema.safeParse(body ?? {});
  if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data };
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (errors[field]) continue;
    // A zod message is data: only a known key is shown.
    const key = issue.message;
    errors[field] = isMessageKey(key) ? key : 'form.invalidValue';
  }
  return { ok: false, errors };
}
