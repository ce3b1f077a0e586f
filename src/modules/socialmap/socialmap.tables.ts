/** Row types of the socialmap module's tables (only this module's stores query them). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SocialmapTables {}
