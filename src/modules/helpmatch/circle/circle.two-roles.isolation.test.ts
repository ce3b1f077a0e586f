/**
 * The cross-tenant case of issue 11, finding 1: one person, resident in A (their first membership)
 * and coordinator in B, signed in once with the second factor done, with a care circle and a help
 * request in each role. In A they get exactly a resident's access; in B the coordinator's pages show
 * B's requests only; B's role never reaches A's circles or requests; and A's coordinator and
 * administrator can see or change nothing of the person's circle in B.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { ensureTenant, signInAs, signInWithRoles } from '../../../../test/helpers/people.ts';
import { importDemoAreas } from '../../areas/areas.service.ts';
import * as hm from '../requests/requests.service.ts';
import { addTask, createCircle, getCircle } from './circle.service.ts';
import { actorIn } from '../actor.ts';
import { A, B, rowCounts } from './circle.isolation.test-support.ts';

describe('helpmatch: a person with roles in two municipalities (issue 11, finding 1)', () => {
  const ctx = useTestApp();
  const K_CIRCLE = 'Krimpense Oma Distinctief';
  const G_CIRCLE = 'Groningse Opa Distinctief';
  const K_OWN_REQUEST = 'Krimpense heg van Pim';
  const K_OTHER_REQUEST = 'Krimpense boodschappen voor mevrouw Anders';
  const G_REQUEST = 'Groningse verhuisdozen voor meneer Noord';
  const K_ADDRESS = 'Krimpense Geheimstraat 3';
  const G_ADDRESS = 'Groningse Geheimstraat 9';
  const FORBIDDEN = /U mag deze pagina niet bekijken of deze actie niet doen/;
  const K_POINT = { lon: 4.6, lat: 51.915 };
  const G_POINT = { lon: 6.5665, lat: 53.2194 };
  const ids = {} as Record<'pim' | 'kCircle' | 'gCircle' | 'kTask' | 'gTask' | 'kOwn' | 'kOther' | 'gRequest' | 'kVolunteer', string>;
  let pim: TestBrowser;
  let coordK: TestBrowser;
  let adminK: TestBrowser;
  const now = () => ctx.clock.now();

  before(async () => {
    const db = ctx.database.db;
    await ensureTenant(db, A);
    await ensureTenant(db, B);
    await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: [A, B], dataDir: 'seed-data/cbs' });
    pim = new TestBrowser(ctx.app);
    ids.pim = await signInWithRoles(
      ctx,
      pim,
      [
        { tenantId: A.id, role: 'resident' },
        { tenantId: B.id, role: 'coordinator' },
      ],
      { email: 'pim.tweemaal@example.nl', name: 'Pim Tweemaal' },
    );
    coordK = new TestBrowser(ctx.app);
    adminK = new TestBrowser(ctx.app);
    await signInAs(ctx, coordK, { tenantId: A.id, role: 'coordinator', email: 'coord-a@example.nl' });
    await signInAs(ctx, adminK, { tenantId: A.id, role: 'admin', email: 'admin-a@example.nl' });
    ids.kVolunteer = await signInAs(ctx, new TestBrowser(ctx.app), {
      tenantId: A.id,
      role: 'volunteer',
      email: 'vrijwilliger-a@example.nl',
    });
    const residentK = await signInAs(ctx, new TestBrowser(ctx.app), { tenantId: A.id, role: 'resident', email: 'anders-a@example.nl' });
    const residentG = await signInAs(ctx, new TestBrowser(ctx.app), { tenantId: B.id, role: 'resident', email: 'noord-b@example.nl' });

    const asResident = actorIn(A.id, ids.pim, ['resident'], { now: now() });
    ids.kCircle = await createCircle(db, A.id, asResident, {
      personName: K_CIRCLE,
      personDetails: `Adres: ${K_ADDRESS}`,
      createdAs: 'carer',
      areaCode: null,
      now: now(),
    });
    const asResidentB = actorIn(B.id, ids.pim, ['resident'], { now: now() });
    ids.gCircle = await createCircle(db, B.id, asResidentB, {
      personName: G_CIRCLE,
      personDetails: `Adres: ${G_ADDRESS}`,
      createdAs: 'carer',
      areaCode: null,
      now: now(),
    });
    const task = { title: 'Boodschappen', notes: '', recurrence: 'weekly' as const, startsOn: '2026-11-23', timeOfDay: null, now: now() };
    ids.kTask = await addTask(db, await getCircle(db, A.id, ids.kCircle, asResident), asResident, task);
    ids.gTask = await addTask(db, await getCircle(db, B.id, ids.gCircle, asResidentB), asResidentB, task);

    const request = (summary: string, address: string, point: { lon: number; lat: number }): hm.NewRequest => ({
      category: 'tuin',
      helpType: 'incidental',
      summary,
      remarks: null,
      schedule: { kind: 'weekly', slots: [{ weekday: 2, from: '14:00', to: '16:00' }] },
      address,
      ...point,
      radiusM: null,
      urgency: 'normal',
      vulnerable: false,
    });
    ids.kOwn = (
      await hm.createRequest(
        db,
        A.id,
        actorIn(A.id, ids.pim, ['resident'], { now: now() }),
        request(K_OWN_REQUEST, K_ADDRESS, K_POINT),
        now(),
      )
    ).id;
    ids.kOther = (
      await hm.createRequest(
        db,
        A.id,
        actorIn(A.id, residentK, ['resident'], { now: now() }),
        request(K_OTHER_REQUEST, 'Andersweg 1', K_POINT),
        now(),
      )
    ).id;
    ids.gRequest = (
      await hm.createRequest(
        db,
        B.id,
        actorIn(B.id, residentG, ['resident'], { now: now() }),
        request(G_REQUEST, G_ADDRESS, G_POINT),
        now(),
      )
    ).id;
    for (const b of [pim, coordK, adminK]) assert.equal((await b.get('/account')).statusCode, 200);
  });

  const circlePaths = (slug: string, circle: string, task: string) => [
    `/${slug}/hulp/kring/${circle}`,
    `/${slug}/hulp/kring/${circle}/leden`,
    `/${slug}/hulp/kring/${circle}/beurten/${task}/2026-11-23`,
  ];
  const circlePosts = (slug: string, circle: string, task: string): [string, Record<string, string>][] => [
    [`/${slug}/hulp/kring/${circle}/taken`, { title: 'Inbraak', recurrence: 'once', startsOn: '2026-11-25' }],
    [`/${slug}/hulp/kring/${circle}/taken/${task}/stoppen`, {}],
    [`/${slug}/hulp/kring/${circle}/beurten/${task}/2026-11-23/oppakken`, {}],
    [`/${slug}/hulp/kring/${circle}/uitnodigen`, { email: 'indringer@example.nl', name: 'Indringer' }],
    [`/${slug}/hulp/kring/${circle}/leden/${ids.pim}/verwijderen`, {}],
    [`/${slug}/hulp/kring/${circle}/verlaten`, {}],
    [`/${slug}/hulp/kring/${circle}/opheffen`, {}],
  ];
  const counts = () => rowCounts(ctx.database.db);
  const noneOf = (body: string, texts: string[], where: string) => {
    for (const t of texts) assert.ok(!body.includes(t), `${where} shows ${t}`);
  };
  const A_TEXTS = [K_CIRCLE, K_OWN_REQUEST, K_OTHER_REQUEST, K_ADDRESS];
  const B_TEXTS = [G_CIRCLE, G_REQUEST, G_ADDRESS];

  it("in A the person is a resident: the coordinator's pages answer 403; they see their own circle of A, not the one of B", async () => {
    const before = await counts();
    for (const path of [
      `/${A.slug}/hulp/suggesties`,
      `/${A.slug}/hulp/suggesties/${ids.kOther}`,
      `/${A.slug}/hulp/suggesties/${ids.kOwn}`,
      `/${A.slug}/hulp/batch`,
      `/${A.slug}/hulp/batch?berekenen=1`,
      `/${A.slug}/hulp/dashboard`,
      `/${A.slug}/hulp/dashboard.csv`,
    ]) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 403, path);
      noneOf(res.body, [K_OTHER_REQUEST, 'Andersweg'], path);
    }
    for (const [path, form] of [
      [`/${A.slug}/hulp/suggesties/${ids.kOther}`, { volunteer: ids.kVolunteer }],
      [`/${A.slug}/hulp/batch`, { pair: `${ids.kOther}:${ids.kVolunteer}` }],
    ] as [string, Record<string, string>][]) {
      const res = await pim.post(path, form);
      assert.equal(res.statusCode, 403, path);
      assert.match(res.body, FORBIDDEN, `${path}: refused by policy, not by the CSRF check`);
    }
    assert.deepEqual(await counts(), before);
    const list = await pim.get(`/${A.slug}/hulp/kring`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(K_CIRCLE), 'their circle in A');
    noneOf(list.body, B_TEXTS, 'the circle list of A');
    for (const path of circlePaths(A.slug, ids.kCircle, ids.kTask)) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 200, path);
      noneOf(res.body, B_TEXTS, path);
    }
    const own = await pim.get(`/${A.slug}/hulp/vragen/${ids.kOwn}`);
    assert.equal(own.statusCode, 200);
    assert.ok(own.body.includes(K_OWN_REQUEST));
  });

  it("in B the person is a coordinator: suggestions, batch and dashboard show B's requests, never A's", async () => {
    const list = await pim.get(`/${B.slug}/hulp/suggesties`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(G_REQUEST), "B's request in the list");
    noneOf(list.body, A_TEXTS, "B's suggestion list");
    const one = await pim.get(`/${B.slug}/hulp/suggesties/${ids.gRequest}`);
    assert.equal(one.statusCode, 200);
    assert.ok(one.body.includes(G_REQUEST));
    noneOf(one.body, A_TEXTS, "B's suggestions for a request");
    for (const path of [`/${B.slug}/hulp/batch?berekenen=1`, `/${B.slug}/hulp/dashboard`, `/${B.slug}/hulp/dashboard.csv`]) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 200, path);
      noneOf(res.body, A_TEXTS, path);
    }
    const circles = await pim.get(`/${B.slug}/hulp/kring`);
    assert.equal(circles.statusCode, 200);
    assert.ok(circles.body.includes(G_CIRCLE), 'their circle in B');
    noneOf(circles.body, A_TEXTS, 'the circle list of B');
  });

  it("B's role never reaches A: A's circle and requests under B's address are 404, B's under A's address 404/403, and nothing is written", async () => {
    const before = await counts();
    for (const path of [
      ...circlePaths(B.slug, ids.kCircle, ids.kTask),
      `/${B.slug}/hulp/suggesties/${ids.kOther}`,
      `/${B.slug}/hulp/suggesties/${ids.kOwn}`,
      `/${B.slug}/hulp/vragen/${ids.kOther}`,
      `/${B.slug}/hulp/vragen/${ids.kOwn}`,
    ]) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 404, path);
      noneOf(res.body, A_TEXTS, path);
    }
    for (const [path, form] of circlePosts(B.slug, ids.kCircle, ids.kTask)) {
      assert.equal((await pim.post(path, form)).statusCode, 404, path);
    }
    assert.equal((await pim.post(`/${B.slug}/hulp/suggesties/${ids.kOther}`, { volunteer: ids.kVolunteer })).statusCode, 404);
    const batch = await pim.post(`/${B.slug}/hulp/batch`, { pair: `${ids.kOther}:${ids.kVolunteer}` });
    assert.ok(batch.statusCode < 500, `batch: ${batch.statusCode}`);
    noneOf(batch.body, A_TEXTS, 'the batch answer');
    for (const path of circlePaths(A.slug, ids.gCircle, ids.gTask)) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 404, path);
      noneOf(res.body, B_TEXTS, path);
    }
    for (const [path, form] of circlePosts(A.slug, ids.gCircle, ids.gTask)) {
      assert.equal((await pim.post(path, form)).statusCode, 404, path);
    }
    assert.equal((await pim.get(`/${A.slug}/hulp/suggesties/${ids.gRequest}`)).statusCode, 403);
    assert.equal((await pim.get(`/${A.slug}/hulp/vragen/${ids.gRequest}`)).statusCode, 404);
    assert.deepEqual(await counts(), before);
  });

  it("A's coordinator and administrator see and change nothing of the person's circle and work in B (the admin: nothing of A's either)", async () => {
    const before = await counts();
    for (const b of [coordK, adminK]) {
      for (const slug of [A.slug, B.slug]) {
        for (const path of circlePaths(slug, ids.gCircle, ids.gTask)) {
          const res = await b.get(path);
          assert.equal(res.statusCode, 404, path);
          noneOf(res.body, B_TEXTS, path);
        }
        for (const [path, form] of circlePosts(slug, ids.gCircle, ids.gTask)) {
          assert.equal((await b.post(path, form)).statusCode, 404, path);
        }
      }
      const list = await b.get(`/${A.slug}/hulp/kring`);
      assert.equal(list.statusCode, 200);
      noneOf(list.body, [...B_TEXTS, K_CIRCLE], "a staff member's circle list of A");
      const staffPages = [`/${A.slug}/hulp/suggesties`, `/${A.slug}/hulp/dashboard`, `/${A.slug}/hulp/dashboard.csv`];
      if (b === adminK) {
        // The administrator has no rights on the marketplace (docs/authorization.md): refused in A too.
        for (const path of [...staffPages, `/${A.slug}/hulp/coordinatie`, `/${A.slug}/hulp/suggesties/${ids.gRequest}`]) {
          const res = await b.get(path);
          assert.equal(res.statusCode, 403, `admin: ${path}`);
          noneOf(res.body, [...B_TEXTS, K_OTHER_REQUEST], `admin: ${path}`);
        }
      } else {
        for (const path of staffPages) {
          const res = await b.get(path);
          assert.equal(res.statusCode, 200, path);
          noneOf(res.body, B_TEXTS, path);
        }
        assert.equal((await b.get(`/${A.slug}/hulp/suggesties/${ids.gRequest}`)).statusCode, 404);
      }
      assert.equal((await b.get(`/${B.slug}/hulp/suggesties/${ids.gRequest}`)).statusCode, 403);
      assert.equal((await b.post(`/${B.slug}/hulp/suggesties/${ids.gRequest}`, { volunteer: ids.kVolunteer })).statusCode, 403);
    }
    const suggestions = await coordK.get(`/${A.slug}/hulp/suggesties`);
    assert.ok(suggestions.body.includes(K_OTHER_REQUEST), "A's coordinator sees A's requests");
    assert.deepEqual(await counts(), before);
    // The audit log of A, searched for this person: their circle in A, nothing of their circle in B.
    const audit = await adminK.get(`/${A.slug}/beheer/audit?gebruiker-id=${ids.pim}`);
    assert.equal(audit.statusCode, 200);
    assert.ok(audit.body.includes(ids.kCircle), "the person's circle of A is in A's audit log");
    assert.ok(!audit.body.includes(ids.gCircle), "the person's circle of B is not in A's audit log");
    assert.equal((await adminK.get(`/${B.slug}/beheer/audit?gebruiker-id=${ids.pim}`)).statusCode, 403);
  });
});
