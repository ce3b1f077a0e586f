/** Helpers for the sign-in tests: tenants and users straight into the database, and reading mailed links. */
import type { Db } from '../../../platform/db/database.ts';
import type { Config } from '../../../platform/config.ts';
import type { Role } from '../../../platform/roles.ts';
import { hashPassword } from './password.ts';
import { encryptTotpSecret } from './totp.ts';

export async function ensureTenant(db: Db, id = 'GM0542', slug = 'krimpen-aan-den-ijssel', name = 'Krimpen aan den IJssel'): Promise<void> {
  await db
    .insertInto('tenants')
    .values({ id, slug, name } as never)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function createUser(
  db: Db,
  config: Config,
  u: { email: string; password?: string; name?: string; roles?: { tenantId: string; role: Role }[]; totpBase32?: string; now?: Date },
): Promise<string> {
  const now = u.now ?? new Date();
  const row = await db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name ?? 'Test Persoon',
      password_hash: u.password ? await hashPassword(u.password) : null,
      phone: null,
      address: null,
      totp_secret: u.totpBase32 ? encryptTotpSecret(config, u.totpBase32) : null,
      totp_enabled_at: u.totpBase32 ? now : null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const r of u.roles ?? []) {
    await db.insertInto('memberships').values({ tenant_id: r.tenantId, user_id: row.id, organisation_id: null, role: r.role }).execute();
  }
  return row.id;
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
