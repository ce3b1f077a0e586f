/** Row types of the tables added by the signals merge part. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MergeTables {}
