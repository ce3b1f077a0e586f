/**
 * Applying on a resident's behalf (issue 15): whose application it is (an account of this
 * municipality, or a name and one way to reach a resident without one), entered_by and the
 * organisation recorded, the organisation shown instead of a person, the contact only to who
 * entered it and the coordinator, and every view of it audited without its values.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { principalOf, type Principal } from '../../../platform/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Role } from '../../../platform/roles.ts';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildOrganisation, buildUser, GRONINGEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { myApplications, submitApplication, trackApplication } from './apply.service.ts';
import { T, goodApplication, setupAreas, setupFund } from './apply.test-support.ts';

const as = (userId: string, role: Role, organisationId: string | null = null, tenantId: string = T.id): Principal =>
  principalOf({ id: userId, mfaVerified: false, memberships: [{ tenantId, organisationId, role }] }, tenantId, TEST_NOW);

async function refusedOn(p: Promise<unknown>, field: string, key: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError && e.status === 422, String(e));
    assert.equal(e.fields?.[field], key, JSON.stringify(e.fields));
    return true;
  });
}

describe('initiatives: applying on behalf', () => {
  const ctx = useTestDb();
  const s = {} as { fundId: string; pro: Principal; coordinator: Principal; resident: string; outsider: string; org: string };
  const db = () => ctx.database.db;

  before(async () => {
    await setupAreas(db(), TEST_NOW);
    s.fundId = (await setupFund(db(), TEST_NOW)).fund.id;
    const org = await buildOrganisation(db(), { tenantId: T.id, name: 'Welzijn Krimpen' });
    s.org = org.name;
    const pro = await buildUser(db(), { tenantId: T.id, role: 'professional', organisationId: org.id });
    s.pro = as(pro.id, 'professional', org.id);
    s.coordinator = as((await buildUser(db(), { tenantId: T.id, role: 'coordinator' })).id, 'coordinator');
    s.resident = (await buildUser(db(), { tenantId: T.id, role: 'resident', email: 'mevrouw@example.org' })).id;
    s.outsider = (await buildUser(db(), { tenantId: GRONINGEN.id, role: 'resident', email: 'elders@example.org' })).id;
  });

  it('for a resident with an account here: the application is theirs, entered_by and the organisation recorded, no contact kept', async () => {
    const r = await submitApplication(
      db(),
      s.pro,
      T.id,
      goodApplication(s.fundId, { onBehalf: true, subject: { kind: 'account', email: ' Mevrouw@Example.org ' }, title: 'Bankje' }),
    );
    assert.equal(r.application.applicantUserId, s.resident);
    assert.equal(r.application.enteredBy, s.pro.userId);
    assert.equal(r.application.enteredByOrg, 'Welzijn Krimpen');
    const row = await db().selectFrom('initiative_applications').selectAll().where('id', '=', r.application.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.subject_name, row.subject_phone, row.subject_email], [null, null, null]);
    // The resident follows it: the organisation is named, never the professional.
    const resident = as(s.resident, 'resident');
    assert.ok((await myApplications(db(), resident, T.id)).some((a) => a.id === r.application.id));
    const tr = await trackApplication(db(), resident, T.id, r.application.reference);
    assert.deepEqual(tr.enteredOnBehalf, { org: 'Welzijn Krimpen' });
    assert.equal(tr.subject, null);
  });

  it('a volunteer may apply for a resident, but not look up whether an address has an account', async () => {
    const before = (await db().selectFrom('initiative_applications').select('id').execute()).length;
    const volunteer = as((await buildUser(db(), { tenantId: T.id, role: 'volunteer' })).id, 'volunteer');
    for (const email of ['mevrouw@example.org', 'niemand@example.org']) {
      await refusedOn(
        submitApplication(db(), volunteer, T.id, goodApplication(s.fundId, { onBehalf: true, subject: { kind: 'account', email } })),
        'subject.kind',
        'initiatives.apply.behalf.error.accountStaffOnly',
      );
    }
    assert.equal((await db().selectFrom('initiative_applications').select('id').execute()).length, before, 'nothing written');
    const r = await submitApplication(
      db(),
      volunteer,
      T.id,
      goodApplication(s.fundId, { onBehalf: true, subject: { kind: 'contact', name: 'Mevrouw De Vries', phone: '0180 123456' } }),
    );
    assert.equal(r.application.enteredBy, volunteer.userId);
  });

  it('an account of another municipality, or an unknown address, is refused beside the field and nothing is written', async () => {
    const before = (await db().selectFrom('initiative_applications').select('id').execute()).length;
    for (const email of ['elders@example.org', 'niemand@example.org']) {
      await refusedOn(
        submitApplication(db(), s.pro, T.id, goodApplication(s.fundId, { onBehalf: true, subject: { kind: 'account', email } })),
        'subject.accountEmail',
        'initiatives.apply.behalf.error.noAccount',
      );
    }
    await refusedOn(
      submitApplication(db(), s.pro, T.id, goodApplication(s.fundId, { onBehalf: true })),
      'subject.kind',
      'initiatives.apply.behalf.error.whose',
    );
    await refusedOn(
      submitApplication(db(), s.pro, T.id, goodApplication(s.fundId, { onBehalf: true, subject: { kind: 'contact', name: 'Mevrouw J.' } })),
      'subject.phone',
      'initiatives.apply.behalf.error.reach',
    );
    await refusedOn(
      submitApplication(
        db(),
        s.pro,
        T.id,
        goodApplication(s.fundId, { onBehalf: true, subject: { kind: 'contact', name: 'Mevrouw J.', phone: 'bel maar' } }),
      ),
      'subject.phone',
      'initiatives.apply.behalf.error.phone',
    );
    assert.equal((await db().selectFrom('initiative_applications').select('id').execute()).length, before);
  });

  it('for a resident without an account: name and phone kept; only who entered it and the coordinator see them, each view audited', async () => {
    const r = await submitApplication(
      db(),
      s.pro,
      T.id,
      goodApplication(s.fundId, {
        onBehalf: true,
        subject: { kind: 'contact', name: 'Mevrouw Jansen', phone: '06 12345678' },
        title: 'Moestuin',
      }),
    );
    assert.equal(r.application.applicantUserId, null);
    const audits = () =>
      db()
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'initiative_applicant_contact')
        .where('entity_id', '=', r.application.id)
        .execute();
    const mine = await trackApplication(db(), s.pro, T.id, r.application.reference);
    assert.deepEqual(mine.subject, { name: 'Mevrouw Jansen', phone: '06 12345678', email: null });
    const coord = await trackApplication(db(), s.coordinator, T.id, r.application.reference);
    assert.equal(coord.subject?.name, 'Mevrouw Jansen');
    const logged = await audits();
    assert.deepEqual(
      logged.map((a) => [a.actor_user_id, a.action]),
      [
        [s.pro.userId, 'view'],
        [s.coordinator.userId, 'view'],
      ],
    );
    assert.ok(!JSON.stringify(logged).includes('Jansen') && !JSON.stringify(logged).includes('12345678'), 'no values in the audit');
    // Another professional, a resident and another municipality see nothing (404, like an unknown reference).
    const other = as((await buildUser(db(), { tenantId: T.id, role: 'professional' })).id, 'professional');
    await assert.rejects(trackApplication(db(), other, T.id, r.application.reference), { status: 404 });
    await assert.rejects(trackApplication(db(), as(s.resident, 'resident'), T.id, r.application.reference), { status: 404 });
    await assert.rejects(trackApplication(db(), as(s.outsider, 'resident', null, GRONINGEN.id), GRONINGEN.id, r.application.reference), {
      status: 404,
    });
    assert.equal((await audits()).length, 2, 'a refused look is not a view');
  });

  it('a volunteer without an organisation: shown as "a staff member or volunteer", still no person', async () => {
    const vol = as((await buildUser(db(), { tenantId: T.id, role: 'volunteer' })).id, 'volunteer');
    const r = await submitApplication(
      db(),
      vol,
      T.id,
      goodApplication(s.fundId, {
        onBehalf: true,
        subject: { kind: 'contact', name: 'Meneer P.', email: 'p@example.org' },
        title: 'Buurtsoep',
      }),
    );
    const tr = await trackApplication(db(), vol, T.id, r.application.reference);
    assert.deepEqual(tr.enteredOnBehalf, { org: '' });
    assert.equal(tr.subject?.email, 'p@example.org');
  });
});
