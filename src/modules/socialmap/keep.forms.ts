/** Helpers of the maintenance forms: raw form values, lists of checkboxes, numbers, and service errors mapped onto form fields. */
import { AppError } from '../../platform/errors.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import type { DbOrTrx } from '../../platform/db/database.ts';
import { listTerms } from './socialmap.service.ts';

/** A submitted string field (first value when repeated), trimmed, at most `max` characters. */
export function field(body: unknown, name: string, max = 5000): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim().slice(0, max) : '';
}

/** A submitted checkbox group as a list of strings (none, one or many). */
export function fieldList(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string' && x.length <= 100).slice(0, 50);
}

/** A decimal number as typed by a Dutch user ("51,9175" or "51.9175"); null when empty, NaN when not a number. */
export function decimal(s: string): number | null {
  if (s === '') return null;
  const n = Number(s.replace(',', '.'));
  return /^-?\d+([.,]\d+)?$/.test(s) ? n : Number.NaN;
}

/**
 * Field errors of a service error that belongs on a form (4xx with fields), translated and renamed
 * to the form's field names; rethrows other errors (403, 404, 500…) for the error handler.
 */
export function formErrors(err: unknown, t: Translate, rename: Record<string, string> = {}): Record<string, string> {
  if (err instanceof AppError && err.fields && err.status < 500 && err.status !== 403 && err.status !== 404) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(err.fields)) {
      const name = rename[k] ?? k.replace(/^address\./, '');
      if (!out[name]) out[name] = t(v);
    }
    return out;
  }
  throw err;
}

/** The terms of one of our taxonomies as checkbox options (stable code → name). */
export async function termOptions(db: DbOrTrx, tenantId: string, taxonomyCode: string): Promise<{ value: string; label: string }[]> {
  const terms = await listTerms(db, tenantId, { taxonomyCode });
  return terms.filter((x) => x.code).map((x) => ({ value: x.code!, label: x.name }));
}
