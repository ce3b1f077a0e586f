import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import { addItem, getItem, removeItem, setShadowPrice, socialReturnOf, updateItem, type ItemInput } from './socialreturn.service.ts';
import { seedSocialReturn, who, type Fixture } from './socialreturn.test-support.ts';

const failure = (e: unknown) => (e instanceof AppError ? { status: e.status, fields: e.fields ?? {} } : { status: 0, fields: {} });
const refusedWith = async (p: Promise<unknown>) =>
  failure(
    await p.then(
      () => null,
      (e: unknown) => e,
    ),
  );

const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  kind: 'avoided_cost',
  labelNl: 'Minder schuldhulp',
  amountCents: 250_000,
  certainty: 'high',
  source: 'Jaarverslag schuldhulp 2026, p. 4',
  ...over,
});

describe('social return: service', () => {
  const ctx = useTestDb();
  let f: Fixture;
  const coordinator = () => who(KRIMPEN.id, ['coordinator']);
  const proA = () => who(KRIMPEN.id, ['professional'], [f.orgA]);
  const proB = () => who(KRIMPEN.id, ['professional'], [f.orgB]);
  const anyone = () => who(KRIMPEN.id);

  before(async () => {
    f = await seedSocialReturn(ctx.database.db);
  });

  it('shows a card nobody set up: costs from the card, hours counted, nothing valued, said why', async () => {
    const sr = await socialReturnOf(ctx.database.db, anyone(), KRIMPEN.id, f.unknownCostCardId);
    assert.equal(sr.settings, null);
    assert.deepEqual(sr.period, { from: '2026-01-01', to: '2026-12-31', toToday: false });
    assert.deepEqual(
      sr.hours.map((h) => [h.key, h.hours, h.certainty]),
      [
        ['matches', 0, 'high'],
        ['weeks', 0, 'high'],
        ['circles', 0, 'medium'],
      ],
    );
    assert.deepEqual(sr.initiatives, { funded: 0 });
    assert.equal(sr.calc.costCents, null);
    assert.deepEqual(sr.unknownCostLines, ['Trajecten']);
    assert.deepEqual(sr.calc.missing, ['costsUnknown', 'noShadowPrice', 'noValues']);
    assert.equal(sr.calc.computable, false);
    assert.equal(sr.canEdit, false);
  });

  it('computes the range from the shadow price and the items, as calculated by hand', async () => {
    const db = ctx.database.db;
    await setShadowPrice(db, proA(), KRIMPEN.id, f.cardId, { centsPerHour: 1500, source: 'Publicatie X, 2025', certainty: 'medium' });
    await addItem(db, proA(), KRIMPEN.id, f.cardId, item());
    await addItem(
      db,
      coordinator(),
      KRIMPEN.id,
      f.cardId,
      item({ labelNl: 'Minder eenzaamheid', kind: 'valued_outcome', amountCents: 150_000, certainty: 'low' }),
    );
    const sr = await socialReturnOf(db, proA(), KRIMPEN.id, f.cardId);
    assert.equal(sr.canEdit, true);
    assert.deepEqual(
      [sr.settings?.shadowPriceCents, sr.settings?.shadowPriceSource, sr.settings?.shadowPriceCertainty],
      [1500, 'Publicatie X, 2025', 'medium'],
    );
    // Costs € 10.000; high: € 2.500 → € 0,25 per euro; all: € 2.500 + € 1.500 + 0 hours = € 4.000 → € 0,40.
    assert.equal(sr.calc.costCents, 1_000_000);
    assert.equal(sr.calc.lowCents, 250_000);
    assert.equal(sr.calc.highCents, 400_000);
    assert.equal(sr.calc.perEuroLow, 0.25);
    assert.equal(sr.calc.perEuroHigh, 0.4);
    assert.deepEqual(sr.calc.missing, []);
    assert.deepEqual(
      sr.calc.lines.filter((l) => l.type === 'hours').map((l) => l.certainty),
      ['medium', 'medium', 'medium'],
      'valued hours are no more certain than the shadow price',
    );
    // Clearing the price: hours shown, not valued, said so.
    await setShadowPrice(db, coordinator(), KRIMPEN.id, f.cardId, { centsPerHour: null });
    const cleared = await socialReturnOf(db, anyone(), KRIMPEN.id, f.cardId);
    assert.equal(cleared.calc.hoursValued, false);
    assert.deepEqual(cleared.calc.missing, ['noShadowPrice']);
    assert.equal(cleared.calc.perEuroHigh, 0.4);
  });

  it('refuses bad input with a message per field and stores nothing', async () => {
    const db = ctx.database.db;
    const before = (await socialReturnOf(db, anyone(), KRIMPEN.id, f.unknownCostCardId)).items.length;
    const bad = await refusedWith(
      addItem(db, coordinator(), KRIMPEN.id, f.unknownCostCardId, item({ amountCents: -5, source: '  ', labelNl: '' })),
    );
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.fields, {
      amountCents: 'evaluation.sr.error.negative',
      source: 'evaluation.sr.error.source',
      labelNl: 'evaluation.sr.error.label',
    });
    assert.deepEqual((await refusedWith(addItem(db, coordinator(), KRIMPEN.id, f.unknownCostCardId, item({ amountCents: 12.5 })))).fields, {
      amountCents: 'evaluation.sr.error.amount',
    });
    assert.deepEqual(
      (await refusedWith(addItem(db, coordinator(), KRIMPEN.id, f.unknownCostCardId, item({ amountCents: Number.NaN })))).fields,
      { amountCents: 'evaluation.sr.error.amount' },
    );
    assert.deepEqual(
      (await refusedWith(addItem(db, coordinator(), KRIMPEN.id, f.unknownCostCardId, item({ certainty: 'sure' as never })))).fields,
      { certainty: 'evaluation.sr.error.certainty' },
    );
    const price = await refusedWith(setShadowPrice(db, coordinator(), KRIMPEN.id, f.unknownCostCardId, { centsPerHour: 1500, source: '' }));
    assert.deepEqual(price, { status: 422, fields: { source: 'evaluation.sr.error.source' } });
    assert.deepEqual(
      (await refusedWith(setShadowPrice(db, coordinator(), KRIMPEN.id, f.unknownCostCardId, { centsPerHour: -1, source: 'x' }))).fields,
      { centsPerHour: 'evaluation.sr.error.negative' },
    );
    const after = await socialReturnOf(db, anyone(), KRIMPEN.id, f.unknownCostCardId);
    assert.equal(after.items.length, before);
    assert.equal(after.settings, null, 'no settings row was half-written');
  });

  it('lets the card’s organisation and the coordinator edit; not another organisation, a resident or anonymous', async () => {
    const db = ctx.database.db;
    const id = await addItem(db, proA(), KRIMPEN.id, f.cardId, item({ labelNl: 'Van A' }));
    for (const p of [proB(), who(KRIMPEN.id, ['resident']), who(KRIMPEN.id, ['volunteer']), anyone()]) {
      assert.equal((await refusedWith(addItem(db, p, KRIMPEN.id, f.cardId, item()))).status, 403, p.roles.join());
      assert.equal((await refusedWith(updateItem(db, p, KRIMPEN.id, f.cardId, id, item()))).status, 403);
      assert.equal((await refusedWith(removeItem(db, p, KRIMPEN.id, f.cardId, id))).status, 403);
      assert.equal((await refusedWith(getItem(db, p, KRIMPEN.id, f.cardId, id))).status, 403);
      assert.equal((await refusedWith(setShadowPrice(db, p, KRIMPEN.id, f.cardId, { centsPerHour: 1, source: 'x' }))).status, 403);
    }
    assert.equal((await socialReturnOf(db, proB(), KRIMPEN.id, f.cardId)).canEdit, false, 'another organisation reads, does not edit');
    await updateItem(db, coordinator(), KRIMPEN.id, f.cardId, id, item({ labelNl: 'Van A, gewijzigd', amountCents: 100 }));
    assert.deepEqual(
      [(await getItem(db, proA(), KRIMPEN.id, f.cardId, id)).labelNl, (await getItem(db, proA(), KRIMPEN.id, f.cardId, id)).amountCents],
      ['Van A, gewijzigd', 100],
    );
    await removeItem(db, proA(), KRIMPEN.id, f.cardId, id);
    assert.equal((await refusedWith(getItem(db, proA(), KRIMPEN.id, f.cardId, id))).status, 404);
    assert.equal((await refusedWith(removeItem(db, proA(), KRIMPEN.id, f.cardId, id))).status, 404);
  });

  it('keeps municipalities apart: no card, item or change across them', async () => {
    const db = ctx.database.db;
    const groningen = who(GRONINGEN.id, ['coordinator']);
    // A Krimpen card asked for in Groningen does not exist there.
    assert.equal((await refusedWith(socialReturnOf(db, groningen, GRONINGEN.id, f.cardId))).status, 404);
    assert.equal((await refusedWith(addItem(db, groningen, GRONINGEN.id, f.cardId, item()))).status, 404);
    // Groningen's coordinator acting on Krimpen is refused.
    assert.ok([403, 404].includes((await refusedWith(addItem(db, groningen, KRIMPEN.id, f.cardId, item()))).status));
    // An item of one card is not reachable through another card, nor from another municipality.
    const id = await addItem(db, coordinator(), KRIMPEN.id, f.cardId, item({ labelNl: 'Alleen kaart 1' }));
    assert.equal((await refusedWith(updateItem(db, coordinator(), KRIMPEN.id, f.unknownCostCardId, id, item()))).status, 404);
    assert.equal((await refusedWith(removeItem(db, coordinator(), KRIMPEN.id, f.unknownCostCardId, id))).status, 404);
    const gid = await addItem(db, groningen, GRONINGEN.id, f.groningenCardId, item({ labelNl: 'Groningen' }));
    assert.equal((await refusedWith(removeItem(db, coordinator(), KRIMPEN.id, f.cardId, gid))).status, 404);
    const k = await socialReturnOf(db, anyone(), KRIMPEN.id, f.cardId);
    assert.equal(
      k.items.some((i) => i.labelNl === 'Groningen'),
      false,
    );
    assert.deepEqual(
      (await socialReturnOf(db, who(GRONINGEN.id), GRONINGEN.id, f.groningenCardId)).items.map((i) => i.labelNl),
      ['Groningen'],
    );
  });
});
