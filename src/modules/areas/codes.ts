/** Forms of tenant ids, slugs and CBS area codes. */
export const TENANT_ID = /^GM\d{4}$/;
export const TENANT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Tenant slugs that would hide a fixed page: `/{slug}/…` and the fixed routes share the first path
 * segment. A test checks that every fixed route's first segment is listed here.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'aanmelden',
  'account',
  'afmelden',
  'api',
  'beheer',
  'favicon.ico',
  'health',
  'privacy',
  'public',
  'ready',
  'registreren',
  'robots.txt',
  'samen-leren',
  'static',
  'taal',
  'toegankelijkheid',
  'uitnodiging',
  'wachtwoord-herstellen',
  'wachtwoord-vergeten',
]);
export const DISTRICT_CODE = /^WK\d{6}$/;
export const NEIGHBOURHOOD_CODE = /^BU\d{8}$/;

/** True when the string has the form of an area code of some level. */
export function isAreaCode(code: string): boolean {
  return TENANT_ID.test(code) || DISTRICT_CODE.test(code) || NEIGHBOURHOOD_CODE.test(code);
}

/** The municipality part (GM + 4 digits) of a wijk or buurt code. */
export function municipalityOf(code: string): string {
  return 'GM' + code.slice(2, 6);
}
