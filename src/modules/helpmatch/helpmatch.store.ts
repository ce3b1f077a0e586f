/** Queries on the helpmatch tables; only this module's service files import it. */
export * from './store/requests.ts';
export * from './store/offers.ts';
export * from './store/matches.ts';
export * from './store/safety.ts';
