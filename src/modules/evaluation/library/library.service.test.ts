import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, TEST_NOW, buildTenant } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import {
  createIntervention,
  exportInterventions,
  getIntervention,
  importInterventions,
  listInterventions,
  publishIntervention,
  searchInterventions,
  updateIntervention,
} from './library.service.ts';
import { sampleCard } from './library.test-support.ts';

const who = (tenantId: string, roles: Role[] = []): Principal => ({
  userId: roles.length ? '00000000-0000-4000-8000-0000000000ab' : null,
  tenantId,
  roles,
  organisationIds: [],
  memberships: roles.map((role) => ({ role, organisationId: null })),
  mfaVerified: true,
  now: TEST_NOW,
});
const refusal = (e: unknown) => (e instanceof AppError ? { status: e.status, fields: e.fields ?? {} } : { status: 0, fields: {} });

describe('evaluation: intervention library service', () => {
  const ctx = useTestDb();
  const coordinator = who(KRIMPEN.id, ['coordinator']);
  const professional = who(KRIMPEN.id, ['professional']);
  const resident = who(KRIMPEN.id, ['resident']);
  const anonymous = who(KRIMPEN.id);
  const groningen = who(GRONINGEN.id, ['coordinator']);
  const place = { installation: 'https://a.example', municipality: { code: 'GM0542', name: 'Krimpen aan den IJssel' }, now: TEST_NOW };

  before(async () => {
    await buildTenant(ctx.database.db, KRIMPEN);
    await buildTenant(ctx.database.db, GRONINGEN);
  });

  it('refuses broken fields with messages beside them and stores nothing', async () => {
    const db = ctx.database.db;
    const e = await createIntervention(
      db,
      coordinator,
      KRIMPEN.id,
      sampleCard({ slug: 'Met Spaties', titleNl: '', effectNl: '', estimate: 3, ciLow: null, ciHigh: 5, costCentsPerYear: -1 }),
    ).catch((x: unknown) => x);
    const r = refusal(e);
    assert.equal(r.status, 422);
    assert.equal(r.fields.slug, 'evaluation.library.error.slug');
    assert.equal(r.fields.titleNl, 'form.required');
    assert.equal(r.fields.effectNl, 'evaluation.library.error.effectText');
    assert.equal(r.fields.ciLow, 'evaluation.library.error.interval');
    assert.equal(r.fields.costCentsPerYear, 'evaluation.library.error.cost');
    const order = refusal(
      await createIntervention(db, coordinator, KRIMPEN.id, sampleCard({ slug: 'x1', estimate: 9, ciLow: 1, ciHigh: 5 })).catch(
        (x: unknown) => x,
      ),
    );
    assert.equal(order.fields.ciLow, 'evaluation.library.error.intervalOrder');
    assert.deepEqual(await listInterventions(db, coordinator, KRIMPEN.id), []);
  });

  it('only a coordinator of the municipality makes, changes and publishes cards; drafts are for staff', async () => {
    const db = ctx.database.db;
    for (const p of [professional, resident, anonymous, groningen]) {
      const e = await createIntervention(db, p, KRIMPEN.id, sampleCard({ slug: 'nope' })).catch((x: unknown) => x);
      assert.equal(refusal(e).status, 403, `${p.roles.join()} ${p.tenantId}`);
    }
    assert.equal(await createIntervention(db, coordinator, KRIMPEN.id, sampleCard({ slug: 'draft-card' })), 'draft-card');
    const dup = await createIntervention(db, coordinator, KRIMPEN.id, sampleCard({ slug: 'draft-card' })).catch((x: unknown) => x);
    assert.deepEqual(refusal(dup), { status: 409, fields: { slug: 'evaluation.library.error.slugTaken' } });

    // A draft: staff see it, residents and visitors do not, another municipality never.
    assert.equal((await getIntervention(db, professional, KRIMPEN.id, 'draft-card')).published, false);
    for (const p of [resident, anonymous]) {
      assert.equal(refusal(await getIntervention(db, p, KRIMPEN.id, 'draft-card').catch((x: unknown) => x)).status, 404);
      assert.deepEqual(
        (await listInterventions(db, p, KRIMPEN.id)).map((c) => c.slug),
        [],
      );
    }
    assert.equal(refusal(await getIntervention(db, groningen, KRIMPEN.id, 'draft-card').catch((x: unknown) => x)).status, 403);
    assert.equal(refusal(await getIntervention(db, groningen, GRONINGEN.id, 'draft-card').catch((x: unknown) => x)).status, 404);

    assert.equal(refusal(await publishIntervention(db, professional, KRIMPEN.id, 'draft-card', true).catch((x: unknown) => x)).status, 403);
    await publishIntervention(db, coordinator, KRIMPEN.id, 'draft-card', true);
    assert.equal((await getIntervention(db, anonymous, KRIMPEN.id, 'draft-card')).titleNl, 'Buurtkamer');
    await updateIntervention(db, coordinator, KRIMPEN.id, 'draft-card', sampleCard({ slug: 'draft-card', titleNl: 'Buurtkamer De Flat' }));
    const changed = await getIntervention(db, anonymous, KRIMPEN.id, 'draft-card');
    assert.equal(changed.titleNl, 'Buurtkamer De Flat');
    assert.equal(changed.published, true, 'an edit keeps the publication');
    await publishIntervention(db, coordinator, KRIMPEN.id, 'draft-card', false);
    assert.equal(refusal(await getIntervention(db, anonymous, KRIMPEN.id, 'draft-card').catch((x: unknown) => x)).status, 404);
  });

  it('export holds published cards only; import refuses unknown versions, broken fields and duplicate slugs, storing nothing', async () => {
    const db = ctx.database.db;
    await createIntervention(db, coordinator, KRIMPEN.id, sampleCard({ slug: 'pub-a', titleNl: 'Aanpak A' }), { published: true });
    await createIntervention(
      db,
      coordinator,
      KRIMPEN.id,
      sampleCard({
        slug: 'pub-b',
        titleNl: 'Aanpak B',
        estimate: 4,
        ciLow: -1,
        ciHigh: 9,
        effectUnit: 'procentpunt',
        effectLevel: 0.9,
        costCentsPerYear: 1_500_000,
      }),
      { published: true },
    );
    await createIntervention(db, coordinator, KRIMPEN.id, sampleCard({ slug: 'hidden', titleNl: 'Nog geheim' }));
    const file = await exportInterventions(db, anonymous, KRIMPEN.id, place);
    const slugs = file.cards.map((c) => c.slug);
    assert.ok(slugs.includes('pub-a') && slugs.includes('pub-b'));
    assert.ok(!slugs.includes('hidden'));
    assert.equal(file.cards.find((c) => c.slug === 'pub-b')!.effect.ciLow, -1);
    const one = await exportInterventions(db, anonymous, KRIMPEN.id, { ...place, slug: 'pub-a' });
    assert.deepEqual(
      one.cards.map((c) => c.slug),
      ['pub-a'],
    );
    assert.equal(
      refusal(await exportInterventions(db, coordinator, KRIMPEN.id, { ...place, slug: 'hidden' }).catch((x: unknown) => x)).status,
      404,
    );

    const count = async () => (await listInterventions(db, groningen, GRONINGEN.id)).length;
    let baseline = await count();
    const text = JSON.stringify(file);
    const refused = async (value: unknown) => {
      const report = await importInterventions(db, groningen, GRONINGEN.id, value);
      assert.equal(report.ok, false);
      assert.deepEqual(report.imported, []);
      assert.equal(await count(), baseline, 'nothing half-stored');
      return report.problems;
    };
    assert.deepEqual(await refused('{not json'), [{ card: null, slug: null, path: '', reason: 'evaluation.library.import.notJson' }]);
    assert.deepEqual(await refused(JSON.stringify({ ...file, version: 2 })), [
      { card: null, slug: null, path: 'version', reason: 'evaluation.library.import.unknownVersion' },
    ]);
    assert.deepEqual(await refused({ ...file, format: 'other' }), [
      { card: null, slug: null, path: 'format', reason: 'evaluation.library.import.unknownFormat' },
    ]);
    // A broken field in the second card: the whole file is refused, the first card too.
    const broken = JSON.parse(text) as { cards: Record<string, unknown>[] };
    broken.cards[1]!.level = 'planet';
    (broken.cards[1]!.effect as Record<string, unknown>).ciHigh = null;
    delete broken.cards[0]!.title;
    const problems = await refused(broken);
    assert.deepEqual(
      problems.map((p) => [p.card, p.slug, p.path, p.reason]),
      [
        [0, broken.cards[0]!.slug, 'title', 'evaluation.library.import.missing'],
        [1, broken.cards[1]!.slug, 'effect.estimate', 'evaluation.library.import.interval'],
        [1, broken.cards[1]!.slug, 'level', 'evaluation.library.import.badValue'],
      ],
    );
    // A slug twice in the file, and one already used here.
    await createIntervention(db, groningen, GRONINGEN.id, sampleCard({ slug: 'pub-b' }));
    baseline = await count();
    const twice = JSON.parse(text) as { cards: { slug: string }[] };
    twice.cards.push({ ...twice.cards[0]! });
    const dupProblems = await refused(twice);
    assert.deepEqual(
      dupProblems.map((p) => [p.slug, p.path, p.reason]).sort(),
      [
        [twice.cards[0]!.slug, 'slug', 'evaluation.library.import.duplicateInFile'],
        ['pub-b', 'slug', 'evaluation.library.import.slugTaken'],
      ].sort(),
    );
    // Only a coordinator imports.
    const e = await importInterventions(db, who(GRONINGEN.id, ['professional']), GRONINGEN.id, text).catch((x: unknown) => x);
    assert.equal(refusal(e).status, 403);
  });

  it('round trip: export, import elsewhere (unpublished, origin kept), publish, export again gives the same cards', async () => {
    const db = ctx.database.db;
    await createIntervention(db, coordinator, KRIMPEN.id, sampleCard({ slug: 'rt-one', titleNl: 'Rondje één', titleEn: 'Round one' }), {
      published: true,
    });
    const from = await exportInterventions(db, anonymous, KRIMPEN.id, { ...place, slug: 'rt-one' });
    const report = await importInterventions(db, groningen, GRONINGEN.id, JSON.stringify(from));
    assert.deepEqual(report, { ok: true, imported: ['rt-one'], problems: [] });
    const arrived = await getIntervention(db, groningen, GRONINGEN.id, 'rt-one');
    assert.equal(arrived.published, false, 'imported cards arrive unpublished');
    assert.equal(arrived.origin, 'import');
    assert.equal(arrived.originInstallation, 'https://a.example');
    assert.equal(arrived.originMunicipality, 'Krimpen aan den IJssel');
    assert.equal(arrived.originMunicipalityCode, 'GM0542');
    await publishIntervention(db, groningen, GRONINGEN.id, 'rt-one', true);
    const back = await exportInterventions(db, who(GRONINGEN.id), GRONINGEN.id, {
      installation: 'https://b.example',
      municipality: { code: 'GM0014', name: 'Groningen' },
      now: TEST_NOW,
      slug: 'rt-one',
    });
    assert.deepEqual(back.cards, from.cards, 'the same card, its origin still Krimpen on installation a');
  });

  it('search by words, function, target group and level', async () => {
    const db = ctx.database.db;
    await createIntervention(
      db,
      coordinator,
      KRIMPEN.id,
      sampleCard({ slug: 's-bus', titleNl: 'Boodschappenbus', functions: ['helpen'], targetGroups: ['ouderen'], level: 'municipality' }),
      { published: true },
    );
    await createIntervention(
      db,
      coordinator,
      KRIMPEN.id,
      sampleCard({
        slug: 's-pers',
        titleNl: 'Kinderpersclub',
        whatNl: 'Kinderen maken filmpjes',
        functions: ['samen_doen'],
        targetGroups: ['kinderen'],
        level: 'district',
      }),
      { published: true },
    );
    const all = (await listInterventions(db, anonymous, KRIMPEN.id)).filter((c) => c.slug.startsWith('s-'));
    const slugs = (s: Parameters<typeof searchInterventions>[1]) => searchInterventions(all, s).map((c) => c.slug);
    assert.deepEqual(slugs({ q: 'FILMPJES kinderen' }), ['s-pers']);
    assert.deepEqual(slugs({ q: 'filmpjes bus' }), []);
    assert.deepEqual(slugs({ functie: 'helpen' }), ['s-bus']);
    assert.deepEqual(slugs({ doelgroep: 'Kinderen' }), ['s-pers']);
    assert.deepEqual(slugs({ niveau: 'municipality' }), ['s-bus']);
    assert.deepEqual(slugs({ functie: 'helpen', niveau: 'district' }), []);
    assert.deepEqual(
      (await listInterventions(db, anonymous, KRIMPEN.id, { q: 'kinderpersclub' })).map((c) => c.slug),
      ['s-pers'],
    );
  });
});
