/**
 * Demo accounts: one per role and tenant, created only by the demo seed (SEED=demo) and marked
 * `is_demo`. Their password and second-factor secret are printed at start-up in demo mode; they
 * are not secrets, so a demo must never hold real personal data.
 */
import type { Role } from '../platform/roles.ts';

export const DEMO_PASSWORD = 'samenhang-demo';
/** TOTP secret (base32) shared by all demo staff accounts, so testers can add it to an authenticator app. */
export const DEMO_TOTP_SECRET = 'KRSXG5CTMVRXEZLUKN2W4ZDFMVXGQYLO';

export const DEMO_TENANTS = [
  { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel', short: 'krimpen' },
  { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard', short: 'heerhugowaard' },
  { id: 'GM0014', slug: 'groningen', name: 'Groningen', short: 'groningen' },
] as const;

export const DEMO_ROLES: readonly { role: Role; local: string; name: string }[] = [
  { role: 'resident', local: 'bewoner', name: 'Demo Bewoner' },
  { role: 'volunteer', local: 'vrijwilliger', name: 'Demo Vrijwilliger' },
  { role: 'professional', local: 'professional', name: 'Demo Professional' },
  { role: 'coordinator', local: 'coordinator', name: 'Demo Coördinator' },
  { role: 'admin', local: 'beheerder', name: 'Demo Beheerder' },
];

/** e.g. bewoner.krimpen@demo.samenhang.nl */
export function demoEmail(local: string, tenantShort: string): string {
  return `${local}.${tenantShort}@demo.samenhang.nl`;
}
