/**
 * The social map's service functions: what other modules and the social map's own routes use.
 * Every write takes an `Actor` (service/common.ts) and records its own audit entry in the same
 * transaction; every read is scoped to one tenant. Implementation split along entities in service/*.ts.
 */
export { actorFrom, systemActor, type Actor } from './service/common.ts';
export * from './service/organizations.ts';
export * from './service/services.ts';
export * from './service/locations.ts';
export * from './service/schedules.ts';
export * from './service/taxonomy.ts';
export * from './service/detail.ts';
export { normalisePostcode } from './socialmap.schemas.ts';
export * from './taxonomy.ts';
