import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { createUser } from '../people/people.service.ts';
import { createSignal, getSignal } from './signals.service.ts';
import { KRIMPEN, NOW, newSignal, setupTenant } from './signals.test-support.ts';
import { followSignal } from './tracking/tracking.service.ts';
import { exportSignalsData, forgetSignalsData } from './userdata.ts';
import { parseListQuery, saveFilter } from './list/list.service.ts';
import { principalOf, systemPrincipal } from '../../platform/principal.ts';

describe('signals user data', () => {
  const t = useTestDb();
  before(async () => {
    await setupTenant(t.database.db, KRIMPEN);
  });

  it('exports the reported and followed signals and forgets the contact details, keeping the signal', async () => {
    const { id: userId } = await createUser(t.database.db, { email: 'ik@example.nl', name: 'Ik' });
    const { signal } = await createSignal(
      t.database.db,
      newSignal({ reporterUserId: userId, reporter: { name: 'Ik', email: 'ik@example.nl', phone: '0612345678' } }),
    );
    const other = await createSignal(t.database.db, newSignal({ reporter: {}, wantsFeedback: false }));
    await followSignal(t.database.db, other.signal, {
      email: 'ik@example.nl',
      userId,
      sensitive: false,
      links: { baseUrl: 'x', tenantSlug: 'k' },
      locale: 'nl',
      now: NOW,
    });
    const staff = principalOf(
      { id: userId, mfaVerified: true, memberships: [{ tenantId: KRIMPEN.id, organisationId: null, role: 'professional' }] },
      KRIMPEN.id,
      NOW,
    );
    await saveFilter(t.database.db, staff, { name: 'Mijn buurt', query: parseListQuery({ gebied: 'WK054201' }) });
    const session = await t.database.db
      .insertInto('signals_wijkschouw_sessions')
      .values({
        tenant_id: KRIMPEN.id,
        title: 'Schouw Kortland',
        area_code: 'WK054201',
        walk_date: '2026-11-20',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('signals_wijkschouw_participants')
      .values({
        tenant_id: KRIMPEN.id,
        session_id: session.id,
        name: 'Ik',
        role: 'bewoner',
        email: 'ik@example.nl',
        user_id: userId,
        created_at: NOW,
      })
      .execute();
    const data = (await exportSignalsData(t.database.db, userId)) as {
      reported: { public_id: string; reporter_phone: string; photo_count: number }[];
      followed: { public_id: string }[];
      savedFilters: { name: string; query: string }[];
      walks: { title: string; name: string }[];
    };
    assert.equal(data.reported[0]!.photo_count, 0);
    assert.deepEqual(
      data.savedFilters.map((f) => f.name),
      ['Mijn buurt'],
    );
    assert.match(data.savedFilters[0]!.query, /gebied=WK054201/);
    assert.deepEqual(
      data.walks.map((w) => [w.title, w.name]),
      [['Schouw Kortland', 'Ik']],
    );
    assert.deepEqual(
      data.reported.map((r) => r.public_id),
      [signal.public_id],
    );
    assert.equal(data.reported[0]!.reporter_phone, '0612345678');
    assert.deepEqual(
      data.followed.map((f) => f.public_id),
      [other.signal.public_id],
    );
    await inTransaction(t.database.db, (trx) => forgetSignalsData(trx, userId, NOW));
    const after = await getSignal(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, signal.public_id);
    assert.equal(after.reporter_email, null);
    assert.equal(after.reporter_phone, null);
    assert.equal(after.reporter_user_id, null);
    assert.equal(after.description, signal.description, 'the signal itself stays');
    assert.deepEqual(await exportSignalsData(t.database.db, userId), { reported: [], followed: [], savedFilters: [], walks: [] });
  });
});
