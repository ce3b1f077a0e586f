/**
 * Tenant isolation of the social map's staff pages for the cross-tenant case of issue 11, finding 1:
 * one person, resident in Krimpen (their first membership) and coordinator in Groningen, signed in
 * once with the second factor done. In Krimpen they get exactly a resident's access (no entries, no
 * coverage view, no exports); in Groningen the coordinator's pages show Groningen's entries only;
 * Groningen's role never reaches Krimpen's entries; Krimpen's coordinator can see or change
 * nothing of what the person does in Groningen, and Krimpen's administrator is refused every
 * entry page of either municipality (the admin has no rights on the map's content).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { ensureTenant, signInAs, signInWithRoles } from '../../../test/helpers/people.ts';
import { importDemoAreas } from '../areas/areas.service.ts';
import { createOrganisation } from '../people/people.service.ts';
import { createOrganization } from './records/organizations.service.ts';
import { createSchedule } from './records/schedules.service.ts';
import { createService, markChecked } from './records/services.service.ts';
import { ensureDefaultTaxonomies } from './taxonomy/taxonomy.service.ts';
import { getServiceDetail } from './records/detail.service.ts';
import { systemActor } from './actor.ts';
import { FUNCTIE } from './taxonomy/taxonomy.ts';

const KRIMPEN = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
const GRONINGEN = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };
const FORBIDDEN = /U mag deze pagina niet bekijken of deze actie niet doen/;
/** A refusal of the maintenance pages, which every member may open: not theirs, or no organisation of theirs. */
const REFUSED =
  /U mag deze pagina niet bekijken of deze actie niet doen|Dit aanbod is van een andere organisatie|Er is nog geen organisatie van u op de sociale kaart|U kunt alleen aanbod toevoegen voor uw eigen organisatie/;
const CSRF = /Het formulier is verlopen of komt niet van deze website/;
const K_SERVICE = 'Krimpense eettafel Distinctief';
const K_ORG = 'Welzijn Krimpen Distinctief';
const K_SUGGESTION = 'De Krimpense eettafel is nu op vrijdag';
const G_SERVICE = 'Groningse buurtkamer Distinctief';
const G_RENAMED = 'Groningse buurtkamer van Pim';
const G_ORG = 'Buurtwerk Groningen Distinctief';
const G_SUGGESTION = 'De Groningse buurtkamer is dicht in januari';

describe('socialmap: a person with roles in two municipalities (issue 11, finding 1)', () => {
  const ctx = useTestApp();
  const ids = {} as Record<
    'pim' | 'peopleK' | 'peopleG' | 'orgK' | 'orgG' | 'kService' | 'gService' | 'kSchedule' | 'gSchedule' | 'kSuggestion' | 'gSuggestion',
    string
  >;
  let pim: TestBrowser;
  let coordK: TestBrowser;
  let adminK: TestBrowser;
  let providerK: TestBrowser;
  const K = `/${KRIMPEN.slug}/sociale-kaart`;
  const G = `/${GRONINGEN.slug}/sociale-kaart`;

  before(async () => {
    const db = ctx.database.db;
    await ensureTenant(db, KRIMPEN);
    await ensureTenant(db, GRONINGEN);
    await importDemoAreas(db, { now: new Date('2026-11-23T10:00:00Z'), tenants: [KRIMPEN, GRONINGEN], dataDir: 'seed-data/cbs' });
    const actor = systemActor(ctx.clock.now());
    for (const t of [KRIMPEN, GRONINGEN]) await ensureDefaultTaxonomies(db, actor, t.id);
    ids.peopleK = (await createOrganisation(db, { tenantId: KRIMPEN.id, name: `${K_ORG} (mensen)`, kind: 'welzijn' })).id;
    ids.peopleG = (await createOrganisation(db, { tenantId: GRONINGEN.id, name: `${G_ORG} (mensen)`, kind: 'welzijn' })).id;
    ids.orgK = (await createOrganization(db, KRIMPEN.id, { name: K_ORG, people_organisation_id: ids.peopleK }, actor)).id;
    ids.orgG = (await createOrganization(db, GRONINGEN.id, { name: G_ORG, people_organisation_id: ids.peopleG }, actor)).id;
    ids.kService = (
      await createService(db, KRIMPEN.id, { organization_id: ids.orgK, name: K_SERVICE, term_codes: [FUNCTIE.ontmoeting] }, actor)
    ).id;
    ids.gService = (
      await createService(db, GRONINGEN.id, { organization_id: ids.orgG, name: G_SERVICE, term_codes: [FUNCTIE.ontmoeting] }, actor)
    ).id;
    ids.kSchedule = (
      await createSchedule(
        db,
        KRIMPEN.id,
        { service_id: ids.kService, freq: 'WEEKLY', byday: 'TU', opens_at: '12:00', closes_at: '13:30' },
        actor,
      )
    ).id;
    ids.gSchedule = (
      await createSchedule(
        db,
        GRONINGEN.id,
        { service_id: ids.gService, freq: 'WEEKLY', byday: 'TH', opens_at: '10:00', closes_at: '12:00' },
        actor,
      )
    ).id;
    await markChecked(db, KRIMPEN.id, ids.kService, actor);
    await markChecked(db, GRONINGEN.id, ids.gService, actor);

    pim = new TestBrowser(ctx.app);
    ids.pim = await signInWithRoles(
      ctx,
      pim,
      [
        { tenantId: KRIMPEN.id, role: 'resident' },
        { tenantId: GRONINGEN.id, role: 'coordinator', organisationId: ids.peopleG },
      ],
      { email: 'pim.tweemaal@example.nl', name: 'Pim Tweemaal' },
    );
    coordK = new TestBrowser(ctx.app);
    adminK = new TestBrowser(ctx.app);
    providerK = new TestBrowser(ctx.app);
    await signInAs(ctx, coordK, { tenantId: KRIMPEN.id, role: 'coordinator', email: 'coord-k@example.nl' });
    await signInAs(ctx, adminK, { tenantId: KRIMPEN.id, role: 'admin', email: 'admin-k@example.nl' });
    await signInAs(ctx, providerK, { tenantId: KRIMPEN.id, role: 'professional', organisationId: ids.peopleK, email: 'prof-k@example.nl' });

    // A correction suggestion on each entry, through the public form.
    const anonymous = new TestBrowser(ctx.app);
    for (const [base, service, message] of [
      [K, ids.kService, K_SUGGESTION],
      [G, ids.gService, G_SUGGESTION],
    ] as const) {
      await anonymous.get(`${base}/aanbod/${service}/correctie`);
      assert.equal((await anonymous.post(`${base}/aanbod/${service}/correctie`, { message })).statusCode, 200);
    }
    const suggestions = await db.selectFrom('socialmap_suggestions').select(['id', 'service_id']).execute();
    ids.kSuggestion = suggestions.find((s) => s.service_id === ids.kService)!.id;
    ids.gSuggestion = suggestions.find((s) => s.service_id === ids.gService)!.id;
    for (const b of [pim, coordK, adminK, providerK]) assert.equal((await b.get('/account')).statusCode, 200);
  });

  const db = () => ctx.database.db;
  /** Everything of both entries that a page or a post could change. */
  async function snapshot() {
    const services = await db()
      .selectFrom('socialmap_services')
      .select(['id', 'tenant_id', 'name', 'status', 'last_checked_at'])
      .orderBy('id')
      .execute();
    const n = async (
      table:
        | 'socialmap_schedules'
        | 'socialmap_locations'
        | 'socialmap_schedule_exceptions'
        | 'socialmap_services'
        | 'socialmap_organizations'
        | 'socialmap_taxonomy_terms',
    ) =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const suggestions = await db().selectFrom('socialmap_suggestions').select(['id', 'status']).orderBy('id').execute();
    return {
      services: JSON.stringify(services),
      suggestions: JSON.stringify(suggestions),
      schedules: await n('socialmap_schedules'),
      locations: await n('socialmap_locations'),
      exceptions: await n('socialmap_schedule_exceptions'),
      organizations: await n('socialmap_organizations'),
      terms: await n('socialmap_taxonomy_terms'),
    };
  }
  const noneOf = (body: string, texts: string[], where: string) => {
    for (const t of texts) assert.ok(!body.includes(t), `${where} shows ${t}`);
  };
  const K_TEXTS = [K_SERVICE, K_ORG, K_SUGGESTION];
  const G_TEXTS = [G_SERVICE, G_RENAMED, G_ORG, G_SUGGESTION];
  const decide = (id: string, decision: 'accepted' | 'rejected', reason: string) => ({
    [`decision-${id.slice(0, 8)}`]: decision,
    [`reason-${id.slice(0, 8)}`]: reason,
  });
  /** Posts that change an entry (or a suggestion on it) under a tenant's address. */
  const entryPosts = (base: string, service: string, schedule: string, suggestion: string): [string, Record<string, string>][] => [
    [
      `${base}/beheer/aanbod/${service}`,
      { name: 'Overgenomen', description: '', status: 'active', functions: 'functie.ontmoeting', email: '', url: '' },
    ],
    [`${base}/beheer/aanbod/${service}/klopt`, {}],
    [`${base}/beheer/aanbod/${service}/locatie`, { name: 'Indringerhuis', latitude: '51.915', longitude: '4.6' }],
    [`${base}/beheer/aanbod/${service}/tijden`, { kind: 'weekly', days: 'MO', opens_at: '10:00', closes_at: '11:00' }],
    [`${base}/beheer/aanbod/${service}/tijden/${schedule}/afgelast`, { index: '0', 'date-0': '2026-11-26' }],
    [`${base}/beheer/aanbod/${service}/tijden/${schedule}/verwijderen`, {}],
    [`${base}/beheer/voorstellen/${suggestion}`, decide(suggestion, 'rejected', 'Niet van u')],
  ];

  it('in Krimpen the person is a resident: no entries, coverage view, exports, categories or import; nothing can be changed', async () => {
    const before = await snapshot();
    for (const path of [`${K}/beheer`, `${K}/beheer/voorstellen`]) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 200, `${path}: open to every member, showing only their own organisations' entries`);
      noneOf(res.body, [...K_TEXTS, ...G_TEXTS], path);
    }
    assert.match((await pim.get(`${K}/beheer`)).body, /nog geen lid van een organisatie/);
    for (const path of [
      `${K}/beheer/aanbod/${ids.kService}`,
      `${K}/beheer/aanbod/${ids.kService}/locatie`,
      `${K}/beheer/aanbod/${ids.kService}/tijden`,
      `${K}/beheer/nieuw`,
      `${K}/dekking`,
      `${K}/dekking/dekking.csv`,
      `${K}/dekking/aanbod.csv`,
      `${K}/beheer/categorieen`,
      `${K}/beheer/import`,
    ]) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 403, path);
      noneOf(res.body, [K_ORG, K_SUGGESTION], path);
    }
    for (const [path, form] of [
      ...entryPosts(K, ids.kService, ids.kSchedule, ids.kSuggestion),
      [`${K}/beheer/nieuw`, { organization_id: ids.orgK, name: 'Nieuw van Pim', status: 'active', functions: 'functie.ontmoeting' }],
      [`${K}/beheer/categorieen`, { name: 'Categorie van Pim' }],
    ] as [string, Record<string, string>][]) {
      const res = await pim.post(path, form);
      assert.equal(res.statusCode, 403, `${path}: ${res.statusCode}`);
      assert.match(res.body, REFUSED, `${path}: refused by policy, not by the CSRF check`);
      assert.doesNotMatch(res.body, CSRF, path);
    }
    assert.deepEqual(await snapshot(), before);
  });

  it("in Groningen the person is a coordinator: entries, suggestions, coverage and exports are Groningen's, never Krimpen's", async () => {
    const list = await pim.get(`${G}/beheer`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(G_SERVICE), "Groningen's entry in the list");
    noneOf(list.body, K_TEXTS, 'the list');
    const suggestions = await pim.get(`${G}/beheer/voorstellen`);
    assert.equal(suggestions.statusCode, 200);
    assert.ok(suggestions.body.includes(G_SUGGESTION), "Groningen's suggestion");
    noneOf(suggestions.body, K_TEXTS, 'the suggestions');
    const entry = await pim.get(`${G}/beheer/aanbod/${ids.gService}`);
    assert.equal(entry.statusCode, 200);
    assert.match(entry.body, /name="name"/);
    noneOf(entry.body, K_TEXTS, 'the edit form');
    const csv = await pim.get(`${G}/dekking/aanbod.csv`);
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.includes(G_SERVICE), "Groningen's entry in the CSV");
    noneOf(csv.body, K_TEXTS, 'the entries CSV');
    for (const path of [`${G}/dekking`, `${G}/dekking/dekking.csv`, `${G}/beheer/categorieen`, `${G}/beheer/import`, `${G}/beheer/nieuw`]) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 200, path);
      noneOf(res.body, K_TEXTS, path);
    }
  });

  it("Groningen's role never reaches Krimpen's entries: Krimpen's ids under Groningen's address are 404, Groningen's under Krimpen's 403/404", async () => {
    const before = await snapshot();
    for (const path of [
      `${G}/beheer/aanbod/${ids.kService}`,
      `${G}/beheer/aanbod/${ids.kService}/locatie`,
      `${G}/beheer/aanbod/${ids.kService}/tijden`,
    ]) {
      const res = await pim.get(path);
      assert.equal(res.statusCode, 404, path);
      noneOf(res.body, K_TEXTS, path);
    }
    for (const [path, form] of entryPosts(G, ids.kService, ids.kSchedule, ids.kSuggestion)) {
      const res = await pim.post(path, form);
      assert.equal(res.statusCode, 404, `${path}: ${res.statusCode}`);
    }
    // A new entry in Groningen for Krimpen's organisation, and in Krimpen for Groningen's.
    for (const path of [`${G}/beheer/nieuw`, `${K}/beheer/nieuw`]) {
      const organization = path.startsWith(G) ? ids.orgK : ids.orgG;
      const res = await pim.post(path, {
        organization_id: organization,
        name: 'Nieuw van Pim',
        status: 'active',
        functions: 'functie.ontmoeting',
      });
      assert.equal(res.statusCode, 403, path);
      assert.match(res.body, REFUSED, path);
    }
    // Krimpen's schedule through Groningen's own entry.
    for (const path of [`${G}/beheer/aanbod/${ids.gService}/tijden/${ids.kSchedule}/verwijderen`]) {
      const res = await pim.post(path, {});
      assert.ok(res.statusCode === 404 || res.statusCode === 403, `${path}: ${res.statusCode}`);
    }
    for (const path of [`${K}/beheer/aanbod/${ids.gService}`, `${K}/beheer/aanbod/${ids.gService}/tijden`]) {
      const res = await pim.get(path);
      assert.ok(res.statusCode === 404 || res.statusCode === 403, `${path}: ${res.statusCode}`);
      noneOf(res.body, G_TEXTS, path);
    }
    for (const [path, form] of entryPosts(K, ids.gService, ids.gSchedule, ids.gSuggestion)) {
      const res = await pim.post(path, form);
      assert.ok(res.statusCode === 404 || res.statusCode === 403, `${path}: ${res.statusCode}`);
    }
    assert.deepEqual(await snapshot(), before);
    assert.equal((await getServiceDetail(db(), KRIMPEN.id, ids.kService))!.service.name, K_SERVICE);
  });

  it("Krimpen's coordinator and administrator see and change nothing of what the person does in Groningen", async () => {
    await pim.get(`${G}/beheer/aanbod/${ids.gService}`);
    const edit = await pim.post(`${G}/beheer/aanbod/${ids.gService}`, {
      name: G_RENAMED,
      description: '',
      status: 'active',
      functions: 'functie.ontmoeting',
      email: '',
      url: '',
    });
    assert.equal(edit.statusCode, 303, edit.body.slice(0, 500));
    await pim.get(`${G}/beheer/voorstellen`);
    const handled = await pim.post(
      `${G}/beheer/voorstellen/${ids.gSuggestion}`,
      decide(ids.gSuggestion, 'rejected', 'Klopt niet, de buurtkamer is open'),
    );
    assert.equal(handled.statusCode, 303, handled.body.slice(0, 500));
    const before = await snapshot();

    // Krimpen's administrator has no rights on the map's entries, not even Krimpen's (docs/authorization.md).
    for (const path of [
      `${K}/beheer`,
      `${K}/beheer/voorstellen`,
      `${K}/beheer/aanbod/${ids.kService}`,
      `${K}/beheer/aanbod/${ids.gService}`,
      `${K}/beheer/aanbod/${ids.gService}/tijden`,
      `${K}/beheer/import`,
      `${K}/dekking`,
      `${K}/dekking/aanbod.csv`,
      `${K}/dekking/dekking.csv`,
      `${G}/beheer`,
      `${G}/beheer/voorstellen`,
      `${G}/beheer/aanbod/${ids.gService}`,
      `${G}/dekking`,
      `${G}/dekking/aanbod.csv`,
    ]) {
      const res = await adminK.get(path);
      assert.equal(res.statusCode, 403, `admin: ${path}`);
      noneOf(res.body, [...K_TEXTS, ...G_TEXTS], `admin: ${path}`);
    }
    for (const [path, form] of [
      ...entryPosts(K, ids.kService, ids.kSchedule, ids.kSuggestion),
      ...entryPosts(K, ids.gService, ids.gSchedule, ids.gSuggestion),
      ...entryPosts(G, ids.gService, ids.gSchedule, ids.gSuggestion),
    ]) {
      const res = await adminK.post(path, form);
      assert.equal(res.statusCode, 403, `admin: ${path}`);
      assert.match(res.body, FORBIDDEN, `admin: ${path}: refused by policy, not by the CSRF check`);
    }
    // The categories are a setting: the administrator keeps them.
    assert.equal((await adminK.get(`${K}/beheer/categorieen`)).statusCode, 200);

    for (const b of [coordK]) {
      const list = await b.get(`${K}/beheer`);
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(K_SERVICE), "Krimpen's staff see Krimpen's entries");
      noneOf(list.body, G_TEXTS, "Krimpen's list");
      for (const path of [`${K}/beheer/voorstellen`, `${K}/dekking`, `${K}/dekking/aanbod.csv`, `${K}/dekking/dekking.csv`]) {
        const res = await b.get(path);
        assert.equal(res.statusCode, 200, path);
        noneOf(res.body, G_TEXTS, path);
      }
      for (const path of [`${K}/beheer/aanbod/${ids.gService}`, `${K}/beheer/aanbod/${ids.gService}/tijden`]) {
        const res = await b.get(path);
        assert.equal(res.statusCode, 404, path);
        noneOf(res.body, G_TEXTS, path);
      }
      for (const path of [
        `${G}/beheer`,
        `${G}/beheer/voorstellen`,
        `${G}/beheer/aanbod/${ids.gService}`,
        `${G}/dekking`,
        `${G}/dekking/aanbod.csv`,
      ]) {
        const res = await b.get(path);
        assert.equal(res.statusCode, 403, path);
        noneOf(res.body, G_TEXTS, path);
      }
      for (const [path, form] of entryPosts(K, ids.gService, ids.gSchedule, ids.gSuggestion)) {
        assert.equal((await b.post(path, form)).statusCode, 404, path);
      }
      for (const [path, form] of entryPosts(G, ids.gService, ids.gSchedule, ids.gSuggestion)) {
        const res = await b.post(path, form);
        assert.equal(res.statusCode, 403, path);
        assert.match(res.body, FORBIDDEN, `${path}: refused by policy, not by the CSRF check`);
      }
    }
    assert.deepEqual(await snapshot(), before);
    assert.equal((await getServiceDetail(db(), GRONINGEN.id, ids.gService))!.service.name, G_RENAMED);

    // The audit log of Krimpen, searched for this person and for Groningen's entry: nothing.
    const byPerson = await adminK.get(`/${KRIMPEN.slug}/beheer/audit?gebruiker-id=${ids.pim}`);
    assert.equal(byPerson.statusCode, 200);
    noneOf(byPerson.body, [ids.gService, ids.gSuggestion, ...G_TEXTS], "Krimpen's audit log by person");
    const byRecord = await adminK.get(`/${KRIMPEN.slug}/beheer/audit?record-id=${ids.gService}`);
    assert.equal(byRecord.statusCode, 200);
    // The results under the filter form (the form's person list names Krimpen's own people, Pim among them).
    noneOf(byRecord.body.slice(byRecord.body.lastIndexOf('</form>')), [ids.pim, ...G_TEXTS], "Krimpen's audit log by record");
    noneOf(byRecord.body, G_TEXTS, "Krimpen's audit log by record");
    const ownRecord = await adminK.get(`/${KRIMPEN.slug}/beheer/audit?record-id=${ids.kSuggestion}`);
    assert.ok(ownRecord.body.includes(ids.kSuggestion), "Krimpen's own suggestion is in Krimpen's audit log");
    assert.equal((await adminK.get(`/${GRONINGEN.slug}/beheer/audit?gebruiker-id=${ids.pim}`)).statusCode, 403);
  });
});
