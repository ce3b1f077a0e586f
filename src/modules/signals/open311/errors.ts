/** Core errors (AppError) as Open311 errors: field errors become one `{code, description}` each. */
import { AppError } from '../../../platform/errors.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { Open311Error } from './format.ts';

/** Our field names → the Open311 parameter a client sent. */
const PARAM: Record<string, string> = {
  category: 'service_code',
  description: 'description',
  email: 'email',
  phone: 'phone',
  name: 'first_name/last_name',
  address: 'address_string',
  location: 'lat/long',
  state: 'status',
  publicMessage: 'description',
};

function paramOf(field: string): string {
  if (field.startsWith('answer_')) return `attribute[${field.slice('answer_'.length)}]`;
  return PARAM[field] ?? field;
}

/** Translate an error thrown by the signals core into the Open311 error it means; other errors pass through. */
export function toOpen311Error(err: unknown, t: Translate): unknown {
  if (err instanceof Open311Error || !(err instanceof AppError)) return err;
  if (err.status === 404) return new Open311Error(404, [{ code: 404, description: t(err.message, err.vars) }]);
  if (err.status === 403 || err.status === 401) return new Open311Error(403, [{ code: 403, description: t(err.message, err.vars) }]);
  if (err.fields && Object.keys(err.fields).length > 0) {
    return new Open311Error(
      400,
      Object.entries(err.fields).map(([field, key]) => ({
        code: 400,
        description: `${paramOf(field)}: ${t(key, err.vars)}`,
      })),
    );
  }
  return new Open311Error(400, [{ code: 400, description: t(err.message, err.vars) }]);
}
