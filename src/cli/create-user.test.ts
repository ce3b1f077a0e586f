import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../test/helpers/app.ts';
import { ensureTenant } from '../../test/helpers/people.ts';
import { runCreateUser, type CliIo } from './create-user.ts';
import { createOrganisation, findUserByEmail, listMembers } from '../modules/people/people.service.ts';
import '../modules/people/index.ts';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => stdin };
  return { value, out, err };
}

describe('samenhang create-user', () => {
  const ctx = useTestDb();
  let orgId: string;

  before(async () => {
    await ensureTenant(ctx.database.db, { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' });
    orgId = (await createOrganisation(ctx.database.db, { tenantId: 'GM0542', name: 'Gemeente Krimpen', kind: 'gemeente' })).id;
  });

  it('creates a user with a membership and a password from stdin, and prints the id', async () => {
    const t = io('een-lang-wachtwoord\n');
    const code = await runCreateUser(
      ctx.database.db,
      [
        '--email',
        'Beheer@Krimpen.nl',
        '--name',
        'Beheerder',
        '--tenant',
        'GM0542',
        '--role',
        'admin',
        '--organisation',
        'gemeente krimpen',
        '--password-stdin',
      ],
      t.value,
    );
    assert.equal(code, 0, t.err.join(''));
    const id = t.out.join('').trim();
    const user = await findUserByEmail(ctx.database.db, 'beheer@krimpen.nl');
    assert.equal(user?.id, id);
    assert.ok(user?.password_hash?.startsWith('$argon2id$'));
    const members = await listMembers(ctx.database.db, 'GM0542', { userId: id });
    assert.deepEqual(
      members.map((m) => [m.role, m.organisationId]),
      [['admin', orgId]],
    );
  });

  it('creates a user without a tenant', async () => {
    const t = io();
    assert.equal(await runCreateUser(ctx.database.db, ['--email', 'los@example.nl', '--name', 'Los'], t.value), 0);
    assert.match(t.out.join(''), /^[0-9a-f-]{36}\n$/);
  });

  const cases: [string, string[], RegExp, string?][] = [
    ['missing e-mail', ['--name', 'X'], /--email is required/],
    ['bad e-mail', ['--email', 'nee', '--name', 'X'], /not a valid e-mail address/],
    ['missing name', ['--email', 'a@example.nl'], /--name is required/],
    ['unknown option', ['--email', 'a@example.nl', '--name', 'X', '--admin'], /Unknown option/],
    ['role without tenant', ['--email', 'a@example.nl', '--name', 'X', '--role', 'admin'], /--role needs --tenant/],
    ['bad tenant code', ['--email', 'a@example.nl', '--name', 'X', '--tenant', 'krimpen', '--role', 'admin'], /CBS municipality code/],
    ['unknown tenant', ['--email', 'a@example.nl', '--name', 'X', '--tenant', 'GM9999', '--role', 'admin'], /GM9999 is not set up/],
    ['unknown role', ['--email', 'a@example.nl', '--name', 'X', '--tenant', 'GM0542', '--role', 'baas'], /--role must be one of/],
    [
      'unknown organisation',
      ['--email', 'a@example.nl', '--name', 'X', '--tenant', 'GM0542', '--role', 'professional', '--organisation', 'Niemand'],
      /does not exist/,
    ],
    ['weak password', ['--email', 'a@example.nl', '--name', 'X', '--password-stdin'], /password/, 'kort\n'],
    ['taken e-mail', ['--email', 'LOS@example.nl', '--name', 'X'], /already an account/],
  ];
  for (const [label, args, message, stdin] of cases) {
    it(`refuses ${label} with exit code 2 and writes nothing`, async () => {
      const t = io(stdin);
      const code = await runCreateUser(ctx.database.db, args, t.value);
      assert.equal(code, 2);
      assert.match(t.err.join(''), message);
      assert.equal(t.out.length, 0);
      assert.equal(await findUserByEmail(ctx.database.db, 'a@example.nl'), undefined);
    });
  }
});
