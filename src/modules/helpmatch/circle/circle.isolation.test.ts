/**
 * Only members see a circle: not another resident, not a coordinator or administrator of the
 * municipality, not anyone of another municipality (not even a member, through the other
 * municipality's address), and not a member after removal. Refused requests write nothing.
 * (A person with roles in two municipalities: circle.two-roles.isolation.test.ts.)
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { ensureTenant, signInAs } from '../../../../test/helpers/people.ts';
import { acceptCircleInvitation, inviteToCircle } from './circle.invitations.ts';
import { addTask, createCircle, getCircle } from './circle.service.ts';
import { actorIn } from '../actor.ts';
import { A, B, rowCounts } from './circle.isolation.test-support.ts';

const SECRET = 'Geheime Gegevens Van Mevrouw';

describe('care circle: isolation', () => {
  const ctx = useTestApp();
  const who = {} as Record<'owner' | 'member' | 'resident' | 'coordinator' | 'admin' | 'adminB', TestBrowser>;
  const ids = {} as Record<'owner' | 'member' | 'adminB' | 'circle' | 'task' | 'invitation', string>;
  const now = () => ctx.clock.now();

  before(async () => {
    const db = ctx.database.db;
    await ensureTenant(db, A);
    await ensureTenant(db, B);
    for (const k of Object.keys({ owner: 1, member: 1, resident: 1, coordinator: 1, admin: 1, adminB: 1 }) as (keyof typeof who)[]) {
      who[k] = new TestBrowser(ctx.app);
    }
    ids.owner = await signInAs(ctx, who.owner, { tenantId: A.id, role: 'resident', email: 'eigenaar@example.nl' });
    ids.member = await signInAs(ctx, who.member, { tenantId: A.id, role: 'volunteer', email: 'lid@example.nl', name: 'Lid Vrijwilliger' });
    await signInAs(ctx, who.resident, { tenantId: A.id, role: 'resident' });
    await signInAs(ctx, who.coordinator, { tenantId: A.id, role: 'coordinator' });
    await signInAs(ctx, who.admin, { tenantId: A.id, role: 'admin' });
    ids.adminB = await signInAs(ctx, who.adminB, { tenantId: B.id, role: 'admin', email: 'admin-b@example.nl' });
    const actor = actorIn(A.id, ids.owner, ['resident'], { now: now() });
    ids.circle = await createCircle(db, A.id, actor, {
      personName: SECRET,
      personDetails: 'Adres: Geheimstraat 7',
      createdAs: 'carer',
      areaCode: null,
      now: now(),
    });
    const circle = await getCircle(db, A.id, ids.circle, actorIn(A.id, ids.owner, ['resident'], { now: now() }));
    ids.task = await addTask(db, circle, actor, {
      title: 'Boodschappen',
      notes: '',
      recurrence: 'weekly',
      startsOn: '2026-11-23',
      timeOfDay: null,
      now: now(),
    });
    const { token } = await inviteToCircle(db, circle, actor, {
      tenant: A,
      email: 'lid@example.nl',
      name: 'Lid',
      inviterName: 'Eigenaar',
      locale: 'nl',
      now: now(),
      baseUrl: 'http://localhost',
    });
    await acceptCircleInvitation(
      db,
      A.id,
      { ...actorIn(A.id, ids.member, ['resident'], { now: now() }), email: 'lid@example.nl' },
      token,
      now(),
    );
    ids.invitation = (
      await inviteToCircle(db, circle, actor, {
        tenant: A,
        email: 'later@example.nl',
        name: 'Later',
        inviterName: 'Eigenaar',
        locale: 'nl',
        now: now(),
        baseUrl: 'http://localhost',
      })
    ).invitationId;
    for (const b of Object.values(who)) assert.equal((await b.get('/account')).statusCode, 200);
  });

  const circlePath = (slug = A.slug) => `/${slug}/hulp/kring/${ids.circle}`;
  const getPaths = (slug?: string) => [circlePath(slug), `${circlePath(slug)}/leden`, `${circlePath(slug)}/beurten/${ids.task}/2026-11-23`];
  const postPaths = (slug?: string): [string, Record<string, string>][] => [
    [`${circlePath(slug)}/taken`, { title: 'Inbraak', recurrence: 'once', startsOn: '2026-11-25' }],
    [`${circlePath(slug)}/taken/${ids.task}/stoppen`, {}],
    [`${circlePath(slug)}/beurten/${ids.task}/2026-11-23/oppakken`, {}],
    [`${circlePath(slug)}/uitnodigen`, { email: 'indringer@example.nl', name: 'Indringer' }],
    [`${circlePath(slug)}/uitnodigingen/${ids.invitation}/intrekken`, {}],
    [`${circlePath(slug)}/leden/${ids.member}/verwijderen`, {}],
    [`${circlePath(slug)}/verlaten`, {}],
    [`${circlePath(slug)}/opheffen`, {}],
  ];

  const counts = () => rowCounts(ctx.database.db);

  for (const k of ['resident', 'coordinator', 'admin'] as const) {
    it(`a ${k} of the municipality who is not a member gets 404 everywhere and changes nothing`, async () => {
      const before = await counts();
      for (const path of getPaths()) {
        const res = await who[k].get(path);
        assert.equal(res.statusCode, 404, path);
        assert.ok(!res.body.includes(SECRET) && !res.body.includes('Geheimstraat'), path);
      }
      const list = await who[k].get(`/${A.slug}/hulp/kring`);
      assert.equal(list.statusCode, 200);
      assert.ok(!list.body.includes(SECRET));
      for (const [path, form] of postPaths()) assert.equal((await who[k].post(path, form)).statusCode, 404, path);
      assert.deepEqual(await counts(), before);
    });
  }

  it('another municipality sees nothing, even with the ids; a member sees nothing through the other address', async () => {
    const before = await counts();
    for (const b of [who.adminB, who.member]) {
      for (const path of getPaths(B.slug)) {
        const res = await b.get(path);
        assert.equal(res.statusCode, 404, path);
        assert.ok(!res.body.includes(SECRET), path);
      }
      for (const [path, form] of postPaths(B.slug)) assert.equal((await b.post(path, form)).statusCode, 404, path);
    }
    for (const path of getPaths(A.slug)) assert.equal((await who.adminB.get(path)).statusCode, 404, path);
    assert.deepEqual(await counts(), before);
  });

  it('a member sees the circle but cannot do what only the owner can', async () => {
    for (const path of getPaths()) assert.equal((await who.member.get(path)).statusCode, 200, path);
    const members = await who.member.get(`${circlePath()}/leden`);
    assert.ok(!members.body.includes('later@example.nl'), 'open invitations are shown to the owner only');
    const before = await counts();
    for (const [path, form] of postPaths().filter(([p]) => /stoppen|uitnodig|verwijderen|opheffen/.test(p))) {
      assert.equal((await who.member.post(path, form)).statusCode, 403, path);
    }
    assert.deepEqual(await counts(), before);
  });

  it('a removed member loses access at once, and their open turns are released', async () => {
    await who.member.get(circlePath());
    assert.equal((await who.member.post(`${circlePath()}/beurten/${ids.task}/2026-11-30/oppakken`, {})).statusCode, 303);
    await who.owner.get(`${circlePath()}/leden`);
    assert.equal((await who.owner.post(`${circlePath()}/leden/${ids.member}/verwijderen`, {})).statusCode, 303);
    for (const path of getPaths()) assert.equal((await who.member.get(path)).statusCode, 404, path);
    assert.equal((await who.member.post(`${circlePath()}/beurten/${ids.task}/2026-12-07/oppakken`, {})).statusCode, 404);
    const turns = await ctx.database.db.selectFrom('helpmatch_circle_turns').select('id').where('circle_id', '=', ids.circle).execute();
    assert.equal(turns.length, 0);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity', '=', 'helpmatch_circle_member')
      .where('entity_id', '=', ids.member)
      .execute();
    assert.ok(audit.some((a) => a.action === 'remove' && a.actor_user_id === ids.owner));
  });
});
