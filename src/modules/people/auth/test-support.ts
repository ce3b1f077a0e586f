/**
 * Helpers for the sign-in tests: tenants and users through the fixture factories (the areas and
 * people services), and reading mailed links.
 */
import type { Db } from '../../../platform/db/database.ts';
import type { Config } from '../../../platform/config.ts';
import type { Role } from '../../../platform/roles.ts';
import { buildTenant, buildUser, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { encryptTotpSecret } from './totp.ts';

export async function ensureTenant(db: Db, id = 'GM0542', slug = 'krimpen-aan-den-ijssel', name = 'Krimpen aan den IJssel'): Promise<void> {
  await buildTenant(db, { id, slug, name });
}

/** A user with a password, memberships and a second factor (on since `now`, default TEST_NOW) as asked. */
export async function createUser(
  db: Db,
  config: Config,
  u: { email: string; password?: string; name?: string; roles?: { tenantId: string; role: Role }[]; totpBase32?: string; now?: Date },
): Promise<string> {
  const { id } = await buildUser(db, {
    email: u.email,
    name: u.name ?? 'Test Persoon',
    ...(u.password ? { password: u.password } : {}),
    memberships: u.roles ?? [],
    ...(u.totpBase32 ? { totpSecretEncrypted: encryptTotpSecret(config, u.totpBase32) } : {}),
    now: u.now ?? TEST_NOW,
  });
  return id;
}

/** The token of the newest link of a kind mailed to an address. */
export async function mailedToken(db: Db, email: string, path: 'aanmelden/link' | 'wachtwoord-herstellen'): Promise<string> {
  const mails = await db
    .selectFrom('mail_outbox')
    .where('to_address', '=', email)
    .select(['text_body'])
    .orderBy('created_at', 'desc')
    .execute();
  for (const m of mails) {
    const match = new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(m.text_body);
    if (match) return match[1]!;
  }
  throw new Error(`no ${path} mail for ${email}`);
}
