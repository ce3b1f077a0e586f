/**
 * Spreadsheet-formula guard for every CSV a person may open in Excel or LibreOffice (OWASP "CSV
 * injection"): a text cell that starts with = + - @, a tab or a carriage return is read as a
 * formula, so it gets a leading quote. Numbers pass unchanged. Machine-readable exports that follow
 * a standard (the HSDS data package) are not guarded: there the exact value matters.
 */
export function guardCell<T extends string | number>(value: T): T {
  return (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value) as T;
}
