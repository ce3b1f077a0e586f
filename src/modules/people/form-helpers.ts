import { AppError } from '../../platform/errors.ts';
import type { Translate } from '../../platform/i18n/index.ts';

/** Field errors of a service error that belongs on the form (Invalid/Conflict with fields); rethrows others. */
export function formErrorsOf(err: unknown, t: Translate): { status: number; errors: Record<string, string> } {
  if (err instanceof AppError && err.fields && err.status < 500) {
    return { status: err.status, errors: Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, t(v)])) };
  }
  throw err;
}

/** Submitted string fields without the CSRF token, to fill a form in again. */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  }
  return out;
}
