/** Return addresses (`?terug=`) for redirects after sign-in, the second step or a language switch. */

/** Only local paths as return address (`?terug=`), never another site. */
export function safeReturn(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Printable ASCII only: anything else cannot go into a Location header (and a local path arrives percent-encoded).
  if ([...value].some((c) => c <= ' ' || c >= '\u007f' || c === '\\')) return fallback;
  return value;
}
