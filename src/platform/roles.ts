/**
 * The roles a person can hold in a municipality (tenant), lowest first. Memberships
 * (auth/auth.tables.ts) store them; policies, navigation and views of every module use them.
 */
export type Role = 'resident' | 'volunteer' | 'professional' | 'coordinator' | 'admin';
