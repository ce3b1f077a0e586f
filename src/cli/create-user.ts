import type { parseArgs as ParseArgs } from 'node:util';
import { parseArgs } from 'node:util';
import type { Command } from './commands.ts';
import type { DbOrTrx } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n/index.ts';
import { recordAudit } from '../platform/audit/audit.service.ts';
import { listTenants } from '../platform/tenants/tenants.service.ts';
import { passwordProblem } from '../modules/people/auth/password.ts';
import { createUser as createUserRecord, findOrganisationByName, ROLES } from '../modules/people/people.service.ts';
import { grantRole } from '../modules/people/admin/admin.service.ts';
import { systemClock } from '../platform/clock.ts';
import { systemPrincipal } from '../platform/principal.ts';
import { NAME_MAX, emailSchema } from '../modules/people/people.schemas.ts';
import type { Role } from '../platform/roles.ts';

const USAGE = 'Usage: samenhang create-user --email E --name N [--tenant GMxxxx --role R [--organisation NAME]] [--password-stdin]';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Create a user (and optionally a membership); returns the exit code: 0 done, 2 bad input. */
export async function runCreateUser(db: DbOrTrx, argv: string[], io: CliIo, parse: typeof ParseArgs = parseArgs): Promise<number> {
  const bad = (message: string) => {
    io.err(`create-user: ${message}\n${USAGE}\n`);
    return 2;
  };
  let values: { email?: string; name?: string; tenant?: string; role?: string; organisation?: string; 'password-stdin'?: boolean };
  try {
    values = parse({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        tenant: { type: 'string' },
        role: { type: 'string' },
        organisation: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    return bad((err as Error).message);
  }
  if (!values.email) return bad('--email is required.');
  const email = emailSchema.safeParse(values.email);
  if (!email.success) return bad(`--email "${values.email}" is not a valid e-mail address.`);
  const name = values.name?.trim() ?? '';
  if (!name) return bad('--name is required.');
  if (name.length > NAME_MAX) return bad(`--name is too long (at most ${NAME_MAX} characters).`);
  if (values.role && !values.tenant) return bad('--role needs --tenant.');
  if (values.organisation && !values.tenant) return bad('--organisation needs --tenant and --role.');
  if (values.tenant && !values.role) return bad('--tenant needs --role.');
  let tenantId: string | null = null;
  let role: Role | null = null;
  let organisationId: string | null = null;
  if (values.tenant) {
    if (!/^GM\d{4}$/.test(values.tenant)) return bad(`--tenant must be a CBS municipality code like GM0542, not "${values.tenant}".`);
    const tenants = await listTenants(db);
    if (!tenants.some((t) => t.id === values.tenant)) {
      return bad(`municipality ${values.tenant} is not set up. Known: ${tenants.map((t) => t.id).join(', ') || 'none'}.`);
    }
    tenantId = values.tenant;
    if (!ROLES.includes(values.role as Role)) return bad(`--role must be one of ${ROLES.join(', ')}.`);
    role = values.role as Role;
    if (values.organisation) {
      const org = await findOrganisationByName(db, tenantId, values.organisation);
      if (!org) return bad(`organisation "${values.organisation}" does not exist in ${tenantId}.`);
      organisationId = org.id;
    }
  }
  let password: string | null = null;
  if (values['password-stdin']) {
    password = (await io.readStdin()).replace(/\r?\n$/, '');
    const problem = passwordProblem(password);
    if (problem) return bad(`password: ${translator('en')(problem)}`);
  }
  try {
    const userId = await inTransaction(db, async (trx) => {
      const { id } = await createUserRecord(trx, { email: email.data, name, password });
      await recordAudit(trx, { tenantId, actorUserId: null, action: 'create', entity: 'user', entityId: id, detail: { via: 'cli' } });
      if (tenantId && role) {
        // The command line acts for the platform: it may give a new account its first role.
        const m = await grantRole(trx, systemPrincipal(tenantId, systemClock.now()), { tenantId, userId: id, organisationId, role });
        await recordAudit(trx, {
          tenantId,
          actorUserId: null,
          action: 'create',
          entity: 'membership',
          entityId: m.id,
          detail: { via: 'cli', role, organisationId },
        });
      }
      return id;
    });
    io.out(`${userId}\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      const fields = Object.values(err.fields ?? {}).map((k) => translator('en')(k));
      return bad(fields.length > 0 ? fields.join(' ') : translator('en')(err.message));
    }
    throw err;
  }
}

/** `samenhang create-user`: create an account from the command line (the first administrator). */
export const createUser: Command = async ({ database, args, parseArgs: parse }) => {
  try {
    return await runCreateUser(database.db, args, processIo, parse);
  } finally {
    await database.close();
  }
};
