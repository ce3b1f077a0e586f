/**
 * The demo data from the seed documents: three municipalities with their wijken and
 * (approximate) buurten from CBS open data, the partner organisations the policy plans name,
 * and one demo account per role and tenant. Loaded by `serve` into an empty database when
 * SEED=demo, or by `samenhang seed`.
 */
import type { Config } from '../platform/config.ts';
import { projectPath } from '../platform/paths.ts';
import { inTransaction, type Db } from '../platform/db/database.ts';
import type { OrganisationKind } from '../modules/people/people.tables.ts';
import { createTenant, importDemoAreas } from '../modules/areas/areas.service.ts';
import { listTenants } from '../platform/tenants/tenants.service.ts';
import { createUser, findUserByEmail } from '../modules/people/people.service.ts';
import { addOrganisation, grantRole } from '../modules/people/admin/admin.service.ts';
import { systemPrincipal } from '../platform/principal.ts';
import { encryptTotpSecret } from '../modules/people/auth/totp.ts';
import { DEMO_PASSWORD, DEMO_ROLES, DEMO_TENANTS, DEMO_TOTP_SECRET, demoEmail } from './demo-accounts.ts';
import { STAFF_ROLES } from '../platform/http/policy.ts';
import { MODULES } from '../modules/index.ts';

type Org = { name: string; kind: OrganisationKind };

/** Partner organisations named in the seeds (000, 001, 003); the first one is the municipality itself. */
export const DEMO_ORGANISATIONS: Record<string, readonly Org[]> = {
  GM0542: [
    { name: 'Gemeente Krimpen aan den IJssel', kind: 'gemeente' },
    { name: 'QuaWonen', kind: 'woningcorporatie' },
    { name: 'Zorggroep Rijnmond', kind: 'zorgaanbieder' },
    { name: 'De Zellingen', kind: 'zorgaanbieder' },
    { name: 'Vierstroom', kind: 'zorgaanbieder' },
    { name: 'Meldpunt Capelle-Krimpen', kind: 'overig' },
    { name: 'ComWonen', kind: 'woningcorporatie' },
    { name: 'SOR', kind: 'zorgaanbieder' },
    { name: 'Pameijer', kind: 'zorgaanbieder' },
    { name: 'Philadelphia Zorg', kind: 'zorgaanbieder' },
    { name: 'Wmo-beraad', kind: 'overig' },
    { name: 'Seniorenplatform', kind: 'vereniging' },
  ],
  GM1980: [
    { name: 'Gemeente Heerhugowaard', kind: 'gemeente' },
    { name: 'Woonwaard', kind: 'woningcorporatie' },
    { name: 'Kern 8', kind: 'welzijn' },
    { name: 'Ymere', kind: 'woningcorporatie' },
    { name: 'Leger des Heils', kind: 'zorgaanbieder' },
    { name: 'GGZ', kind: 'zorgaanbieder' },
    { name: 'WNK', kind: 'overig' },
    { name: 'De Waaijer', kind: 'zorgaanbieder' },
    { name: 'Humanitas', kind: 'welzijn' },
  ],
  GM0014: [
    { name: 'Gemeente Groningen', kind: 'gemeente' },
    { name: 'Stips', kind: 'welzijn' },
    { name: 'MEE', kind: 'zorgaanbieder' },
    { name: 'Humanitas', kind: 'welzijn' },
    { name: 'Zorgloket', kind: 'gemeente' },
  ],
};

/** Which organisation the demo professional works for, per tenant (a partner, not the municipality). */
const PROFESSIONAL_ORG: Record<string, string> = { GM0542: 'QuaWonen', GM1980: 'Kern 8', GM0014: 'Stips' };

export interface SeedProgress {
  (step: string): void;
}

export interface DemoAccount {
  tenant: string;
  role: string;
  email: string;
}

/** True when the database has no tenants yet (the demo seed only ever fills an empty database). */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await listTenants(db)).length === 0;
}

/** Load the demo data; refuses when tenants exist already. Returns the demo accounts. */
export async function runDemoSeed(
  db: Db,
  config: Pick<Config, 'sessionSecret'>,
  onProgress: SeedProgress,
  now: Date,
): Promise<DemoAccount[]> {
  if (!(await isEmpty(db))) throw new Error('The database already has data; the demo data is only loaded into an empty database.');
  const accounts: DemoAccount[] = [];
  const organisations = new Map<string, Map<string, string>>();
  const users = new Map<string, string>();
  await inTransaction(db, async (trx) => {
    for (const t of DEMO_TENANTS) await createTenant(trx, { id: t.id, slug: t.slug, name: t.name });
    onProgress('municipalities created');
    await importDemoAreas(trx, {
      tenants: DEMO_TENANTS.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
      dataDir: projectPath('seed-data/cbs'),
      onProgress: (msg: string) => onProgress(msg),
      now,
    });
    onProgress('wijken and buurten imported');
    for (const t of DEMO_TENANTS) {
      const system = systemPrincipal(t.id, now);
      const orgIds = new Map<string, string>();
      organisations.set(t.id, orgIds);
      for (const org of DEMO_ORGANISATIONS[t.id] ?? []) {
        const { id } = await addOrganisation(trx, system, { tenantId: t.id, name: org.name, kind: org.kind });
        orgIds.set(org.name, id);
      }
      const municipalityOrg = DEMO_ORGANISATIONS[t.id]![0]!.name;
      for (const r of DEMO_ROLES) {
        const email = demoEmail(r.local, t.short);
        const staff = STAFF_ROLES.includes(r.role);
        const { id: userId } = await createUser(trx, {
          email,
          name: `${r.name} (${t.name})`,
          isDemo: true,
          password: DEMO_PASSWORD,
          ...(staff ? { totpSecretEncrypted: encryptTotpSecret(config, DEMO_TOTP_SECRET), totpEnabledAt: now } : {}),
        });
        users.set(email, userId);
        const orgName = r.role === 'professional' ? PROFESSIONAL_ORG[t.id] : staff ? municipalityOrg : undefined;
        await grantRole(trx, system, { tenantId: t.id, userId, organisationId: orgName ? orgIds.get(orgName)! : null, role: r.role });
        accounts.push({ tenant: t.name, role: r.role, email });
      }
    }
    onProgress('organisations and demo accounts created');
    const tenants = DEMO_TENANTS.map((t) => ({ id: t.id, slug: t.slug, name: t.name }));
    for (const mod of MODULES) {
      if (!mod.demoSeed) continue;
      await mod.demoSeed(trx, { tenants, organisations, users, now });
      onProgress(`${mod.name} demo data loaded`);
    }
  });
  return accounts;
}

/** The text printed at start-up in demo mode: where to go and how to sign in. */
export function demoAccountsText(accounts: readonly DemoAccount[]): string {
  const lines = ['Demo accounts (demo data only; password for all: ' + DEMO_PASSWORD + '):'];
  for (const a of accounts) lines.push(`  ${a.tenant.padEnd(24)} ${a.role.padEnd(13)} ${a.email}`);
  lines.push(
    `Staff accounts (professional, coordinator, admin) ask for a second step: add TOTP secret ${DEMO_TOTP_SECRET} to an authenticator app.`,
  );
  lines.push('Sign-in links and other mail stay in the outbox: admins read it under Beheer › Uitgaande mail.');
  return lines.join('\n');
}

/** True when the demo accounts exist (so a later start can print them again). */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const first = definedDemoAccounts()[0]!;
  return Boolean(await findUserByEmail(db, first.email));
}

/** The demo accounts as they are defined (for printing on later starts, without querying). */
export function definedDemoAccounts(): DemoAccount[] {
  return DEMO_TENANTS.flatMap((t) => DEMO_ROLES.map((r) => ({ tenant: t.name, role: r.role, email: demoEmail(r.local, t.short) })));
}
