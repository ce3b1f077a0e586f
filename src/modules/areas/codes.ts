/** Forms of tenant ids, slugs and CBS area codes. */
export const TENANT_ID = /^GM\d{4}$/;
export const TENANT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
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
