import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { ensureTenant } from '../../../../test/helpers/people.ts';
import { buildArea, GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { principalOf } from '../../../platform/principal.ts';
import { youthDemoSeed } from '../youth/youth.demo.ts';
import { wijkPage } from '../youth/youth.service.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { initiativesDemoSeed } from './demo.ts';

const HHW = { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' };
const NOW = new Date('2026-11-23T10:00:00Z');

describe('initiatives demo data', () => {
  const ctx = useTestDb();

  it('gives Krimpen applications in every state, Groningen the Zwolle model and Heerhugowaard Kan Wel, labelled', async () => {
    const { db } = ctx.database;
    for (const t of [KRIMPEN, GRONINGEN, HHW]) await ensureTenant(db, t);
    await inTransaction(db, (trx) =>
      initiativesDemoSeed(trx, { tenants: [KRIMPEN, GRONINGEN, HHW], organisations: new Map(), users: new Map(), now: NOW }),
    );

    const apps = await db
      .selectFrom('initiative_applications')
      .where('tenant_id', '=', KRIMPEN.id)
      .select(['status', 'decision', 'requested_cents', 'granted_cents', 'paid_cents', 'is_demo', 'group_name'])
      .execute();
    const states = new Set(apps.map((a) => a.status));
    for (const s of ['draft', 'submitted', 'acknowledged', 'in_review', 'decided', 'paid', 'accounted']) {
      assert.ok(states.has(s as never), s);
    }
    assert.ok(
      apps.every((a) => a.is_demo),
      'Krimpen’s applications are invented',
    );
    const partial = apps.find((a) => a.decision === 'partial')!;
    assert.ok(partial.granted_cents! < partial.requested_cents);
    assert.equal(apps.filter((a) => a.decision === 'rejected').length, 1);
    assert.ok(apps.every((a) => a.paid_cents <= (a.granted_cents ?? 0)));
    const accounts = await db.selectFrom('initiative_accounts').where('tenant_id', '=', KRIMPEN.id).select('participants').execute();
    assert.deepEqual(
      accounts.map((a) => a.participants),
      [23],
    );

    const funds = await db
      .selectFrom('initiative_funds')
      .select(['tenant_id', 'name_nl', 'source_note', 'is_demo'])
      .orderBy('tenant_id')
      .execute();
    const krimpen = funds.find((f) => f.tenant_id === KRIMPEN.id)!;
    assert.equal(krimpen.name_nl, 'Fonds bewonersinitiatieven');
    assert.match(krimpen.source_note, /seed 000 l\.133, l\.142.*demo-waarde, verzonnen/);
    const zwolle = funds.find((f) => f.tenant_id === GRONINGEN.id)!;
    assert.match(zwolle.source_note, /model uit Zwolle \(seed 001 l\.199\), toegepast op een demowijk/);
    const cofunding = await db
      .selectFrom('initiative_cofunding')
      .select(['per_unit_cents', 'units', 'amount_cents', 'source_note'])
      .execute();
    assert.deepEqual(
      cofunding.map((c) => [c.per_unit_cents, c.units, c.amount_cents]),
      [[500, 2000, 1_000_000]],
    );
    assert.match(cofunding[0]!.source_note, /demo-waarde, verzonnen/);

    const kanWel = await db
      .selectFrom('initiative_applications')
      .where('tenant_id', '=', HHW.id)
      .select(['group_name', 'granted_cents', 'is_demo', 'area_code'])
      .execute();
    assert.deepEqual(kanWel, [{ group_name: 'Kan Wel', granted_cents: 2_000_000, is_demo: false, area_code: 'WK198017' }]);
    assert.ok(funds.find((f) => f.tenant_id === HHW.id)!.source_note.includes('l.494'));
  });

  it('gives a demo wijk of Krimpen three youth ideas with what became of them and one open poll, labelled, once', async () => {
    const { db } = ctx.database;
    await ensureTenant(db, KRIMPEN);
    await buildArea(db, { tenantId: KRIMPEN.id, level: 'district', code: 'WK054200', name: 'Demowijk', bbox: [4.58, 51.9, 4.6, 51.92] });
    const args = { tenants: [KRIMPEN], organisations: new Map(), users: new Map(), now: NOW };
    await inTransaction(db, (trx) => youthDemoSeed(trx, args));
    await inTransaction(db, (trx) => youthDemoSeed(trx, args));
    const page = await wijkPage(db, principalOf(null, KRIMPEN.id, NOW), {
      tenantId: KRIMPEN.id,
      code: 'WK054200',
      deviceHash: null,
      locale: 'nl',
    });
    assert.equal(page.ideas.length, 3);
    assert.ok(page.ideas.every((i) => i.isDemo && i.moderation === 'shown'));
    assert.deepEqual(new Set(page.ideas.map((i) => i.status)), new Set(['growing', 'seen', 'not_now']));
    assert.ok(page.ideas.find((i) => i.status === 'not_now')!.response !== '', '"nu niet" says why');
    assert.deepEqual(
      page.polls.map((p) => [p.state, p.isDemo, p.options.length]),
      [['open', true, 3]],
    );
  });
});
