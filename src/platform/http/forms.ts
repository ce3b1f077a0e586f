import type { z } from 'zod';
import { allMessages, type Translate } from '../i18n/index.ts';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/**
 * Validate a submitted form with a zod schema. Schema messages are i18n keys
 * (`z.string().min(1, 'form.required')`); other messages fall back to a generic one.
 * Returns translated errors keyed by field name, first error per field.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, t: Translate): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (errors[field]) continue;
    const key = issue.message;
    errors[field] = key in allMessages('nl') ? t(key) : t('form.invalidValue');
  }
  return { ok: false, errors };
}
