/**
 * Id validation, one rule for every module and the platform: an id from a URL, form or payload is
 * checked before it reaches a uuid column (else the database answers with an error instead of
 * "not found"). Hex digits in either case, as PostgreSQL accepts them.
 */

/** The pattern of a UUID without anchors, for composing larger patterns (e.g. `categorie:<uuid>`). */
export const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A whole string that is a UUID (for zod `.regex`). */
export const UUID_RE = new RegExp(`^${UUID_SOURCE}$`, 'i');

/** True for a well-formed UUID. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
