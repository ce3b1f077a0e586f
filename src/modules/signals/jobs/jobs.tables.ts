/** Row types of the tables added by the signals jobs part. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobsTables {}
