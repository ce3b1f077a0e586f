import type { z } from 'zod';
import { isMessageKey, type Translate } from '../i18n/index.ts';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/**
 * Validate a submitted form with a zod schema. Schema messages are i18n keys
 * (`z.string().min(1, 'form.required')`); other messages fall back to a generic one.
 * Returns translated errors keyed by field name, first error per field.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, t: Translate): FormResult<z.infer<S>> {
  // PostgreSQL cannot store U+0000 in text: refuse it here as a field error rather than fail in the database.
  const errors: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if ((Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && x.includes('\u0000'))) errors[k] = t('form.invalidValue');
    }
  }
  const result = schema.safeParse(body ?? {});
  if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data };
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (errors[field]) continue;
    const key = issue.message;
    errors[field] = isMessageKey(key) ? t(key) : t('form.invalidValue');
  }
  return { ok: false, errors };
}
