/**
 * Co-signer links by mail (issue 15): one outbox mail per co-signer with an address, the token in
 * it works once; without an address the link is only shown to the applicant; the address is not
 * kept with the application, and its mail is removed once confirmed or when the round has closed.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { principalOf, type Principal } from '../../../platform/principal.ts';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildUser, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { confirmCosign, submitApplication } from './apply.service.ts';
import { forgetCosignerMails } from './cosigner-mail.ts';
import { PC_A1, PC_A2, T, goodApplication, setupAreas, setupFund } from './apply.test-support.ts';

const BASE = 'https://samenhang.test/krimpen-aan-den-ijssel/samen-doen/steun/';
const anon: Principal = { userId: null, tenantId: T.id, roles: [], organisationIds: [], mfaVerified: false, now: TEST_NOW };

describe('initiatives: co-signer links by mail', () => {
  const ctx = useTestDb();
  const s = {} as { fundId: string; alice: Principal };
  const db = () => ctx.database.db;
  /** The tenant's outbox mails to these addresses (each test uses its own). */
  const outbox = (to: string[]) =>
    db().selectFrom('mail_outbox').selectAll().where('tenant_id', '=', T.id).where('to_address', 'in', to).orderBy('to_address').execute();

  before(async () => {
    await setupAreas(db(), TEST_NOW);
    s.fundId = (await setupFund(db(), TEST_NOW)).fund.id;
    const alice = (await buildUser(db(), { tenantId: T.id, role: 'resident' })).id;
    s.alice = principalOf(
      { id: alice, mfaVerified: false, memberships: [{ tenantId: T.id, organisationId: null, role: 'resident' }] },
      T.id,
      TEST_NOW,
    );
  });

  it('mails one link per co-signer with an address; the token in it works once; the address is kept nowhere else', async () => {
    const r = await submitApplication(
      db(),
      s.alice,
      T.id,
      goodApplication(s.fundId, {
        cosigners: [
          { displayName: 'Buurvrouw A.', postcode: PC_A1, email: 'Buurvrouw@Example.org' },
          { displayName: 'Buurman B.', postcode: PC_A2, email: 'buurman@example.org' },
        ],
      }),
      { linkBase: BASE, locale: 'nl' },
    );
    assert.deepEqual(
      r.cosignerTokens.map((c) => c.mailed),
      [true, true],
    );
    const mails = await outbox(['buurman@example.org', 'buurvrouw@example.org']);
    assert.deepEqual(
      mails.map((m) => m.to_address),
      ['buurman@example.org', 'buurvrouw@example.org'],
    );
    assert.match(mails[0]!.subject, /Straatfeest Bloemstraat/);
    const url = new RegExp(`${BASE.replace(/[.]/g, '\\.')}([A-Za-z0-9_-]+)`);
    const token = url.exec(mails[1]!.text_body)![1]!;
    assert.equal(token, r.cosignerTokens[0]!.token, "Buurvrouw's mail holds her own link");
    // Not with the application or its co-signers, not in the audit.
    const stored = JSON.stringify([
      await db().selectFrom('initiative_applications').selectAll().execute(),
      await db().selectFrom('initiative_cosigners').selectAll().execute(),
      await db().selectFrom('audit_log').selectAll().execute(),
    ]);
    assert.ok(!stored.toLowerCase().includes('buurvrouw@example.org'));
    await confirmCosign(db(), anon, T.id, token);
    await assert.rejects(confirmCosign(db(), anon, T.id, token), { status: 409 });
  });

  it('removes the mail once confirmed (after it left the outbox) and, by the hourly run, when the round closed', async () => {
    const to = ['a2@example.org', 'b2@example.org'];
    const r = await submitApplication(
      db(),
      s.alice,
      T.id,
      goodApplication(s.fundId, {
        title: 'Buurtbankje',
        cosigners: [
          { displayName: 'Buurvrouw A.', postcode: PC_A1, email: to[0] },
          { displayName: 'Buurman B.', postcode: PC_A2, email: to[1] },
        ],
      }),
      { linkBase: BASE },
    );
    // Still queued: confirming leaves it for the sender; the hourly run removes it once it has left.
    await confirmCosign(db(), anon, T.id, r.cosignerTokens[0]!.token);
    assert.equal((await outbox(to)).length, 2);
    await db().updateTable('mail_outbox').set({ status: 'kept' }).where('to_address', 'in', to).execute();
    await forgetCosignerMails(db(), TEST_NOW);
    assert.deepEqual(
      (await outbox(to)).map((m) => m.to_address),
      ['b2@example.org'],
    );
    // Not confirmed, round still open: kept. After the round's last day (15 December): removed.
    await forgetCosignerMails(db(), new Date('2026-12-15T20:00:00Z'));
    assert.equal((await outbox(to)).length, 1);
    await forgetCosignerMails(db(), new Date('2026-12-16T10:00:00Z'));
    assert.deepEqual(await outbox(to), []);
    const left = await db().selectFrom('initiative_cosigners').select('mail_id').where('application_id', '=', r.application.id).execute();
    assert.deepEqual(
      left.map((c) => c.mail_id),
      [null, null],
    );
  });

  it('a confirmation after the mail was delivered removes it at once', async () => {
    const to = ['a3@example.org'];
    const r = await submitApplication(
      db(),
      s.alice,
      T.id,
      goodApplication(s.fundId, {
        title: 'Speeltuin',
        cosigners: [
          { displayName: 'Buurvrouw A.', postcode: PC_A1, email: to[0] },
          { displayName: 'Buurman B.', postcode: PC_A2 },
        ],
      }),
      { linkBase: BASE },
    );
    assert.deepEqual(
      r.cosignerTokens.map((c) => c.mailed),
      [true, false],
    );
    const ids = await db().selectFrom('initiative_cosigners').select('mail_id').where('application_id', '=', r.application.id).execute();
    assert.equal(ids.filter((c) => c.mail_id !== null).length, 1, 'no address, no mail: the link is shown to the applicant');
    await db().updateTable('mail_outbox').set({ status: 'sent' }).where('to_address', 'in', to).execute();
    await confirmCosign(db(), anon, T.id, r.cosignerTokens[0]!.token);
    assert.deepEqual(await outbox(to), []);
  });

  it('refuses an address that is not one, beside the field', async () => {
    await assert.rejects(
      submitApplication(
        db(),
        s.alice,
        T.id,
        goodApplication(s.fundId, {
          cosigners: [
            { displayName: 'X', postcode: PC_A1, email: 'geen-adres' },
            { displayName: 'Y', postcode: PC_A2 },
          ],
        }),
        { linkBase: BASE },
      ),
      (e: unknown) => {
        assert.deepEqual((e as { fields: Record<string, string> }).fields, { 'cosigners.0.email': 'initiatives.apply.behalf.error.email' });
        return true;
      },
    );
  });
});
