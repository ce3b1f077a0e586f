import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { getArea } from '../../areas/areas.service.ts';
import { createSignal } from '../signals.service.ts';
import { KRIMPEN, newSignal, setupTenant } from '../signals.test-support.ts';

const list = `/${KRIMPEN.slug}/meldingen/behandelen`;

/** The professionals' list as a page to work from: folded filters, area names, plural, overdue rows marked. */
describe('the professionals’ list page', () => {
  const ctx = useTestApp();
  let coord: TestBrowser;
  let buurt = '';
  let buurtName = '';

  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
    const { signal } = await createSignal(ctx.database.db, newSignal({ idempotencyKey: 'lv-1', now: ctx.clock.now() }));
    buurt = signal.buurt_code!;
    buurtName = (await getArea(ctx.database.db, KRIMPEN.id, buurt))!.name;
    coord = new TestBrowser(ctx.app);
    await signInAs(ctx, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
  });

  it('folds the filters until one is chosen, names areas instead of codes, and says "1 melding"', async () => {
    const page = await coord.get(list);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('<details class="list-filters"><summary>Filters</summary>'), 'folded when no filter is chosen');
    assert.ok(page.body.includes('Gevonden: 1 melding<'), 'singular');
    assert.ok(page.body.includes(`<td class="utrecht-table__cell">${buurtName}</td>`), 'the buurt by name');
    assert.ok(!page.body.includes(`>${buurt}<`), 'no CBS code in the table');
    assert.ok(page.body.includes(`<option value="${buurt}">Buurt: ${buurtName}</option>`), 'the area filter is a list of names');
    // The list comes before the saved filters.
    assert.ok(page.body.indexOf('id="resultaten"') < page.body.indexOf('id="bewaarde-filters"'));

    const filtered = await coord.get(`${list}?gebied=${buurt}`);
    assert.ok(
      filtered.body.includes('<details class="list-filters" open><summary>Filters (1 gekozen)</summary>'),
      'open when a filter is chosen',
    );
    assert.ok(filtered.body.includes(`<option value="${buurt}" selected`));
    await createSignal(ctx.database.db, newSignal({ idempotencyKey: 'lv-2', now: ctx.clock.now() }));
    assert.ok((await coord.get(list)).body.includes('Gevonden: 2 meldingen'));
  });

  it('marks overdue rows with a bar and the words "te laat"', async () => {
    // Reported a month ago: its deadline has passed.
    await createSignal(ctx.database.db, newSignal({ idempotencyKey: 'lv-3', now: new Date(ctx.clock.now().getTime() - 30 * 86_400_000) }));
    const page = await coord.get(list);
    assert.match(page.body, /<tr class="utrecht-table__row signals-overdue">/);
    assert.match(page.body, /<strong class="signals-late"> \(te laat\)<\/strong>/);
  });
});
