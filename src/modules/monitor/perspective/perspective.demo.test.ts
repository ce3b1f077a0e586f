import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { buildOrganisation } from '../../../../test/helpers/factories.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { importDemoAreas } from '../../areas/areas.service.ts';
import { MOLEN_RIVIEREN_KNELPUNTEN, seedPerspectiveDemo } from './perspective.demo.ts';

const HHW = { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' };
const GRONINGEN = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };

describe('wijkperspectief demo', () => {
  const ctx = useTestApp();
  before(async () => {
    const db = ctx.database.db;
    await importDemoAreas(db, { now: ctx.clock.now(), tenants: [HHW, GRONINGEN], dataDir: 'seed-data/cbs' });
    const organisations = new Map<string, Map<string, string>>();
    for (const [tenantId, names] of [
      [HHW.id, ['Gemeente Heerhugowaard', 'Kern 8']],
      [GRONINGEN.id, ['Stips', 'MEE', 'Humanitas', 'Zorgloket']],
    ] as const) {
      const m = new Map<string, string>();
      for (const name of names) m.set(name, (await buildOrganisation(db, { tenantId, name })).id);
      organisations.set(tenantId, m);
    }
    await inTransaction(db, (trx) =>
      seedPerspectiveDemo(trx, { tenants: [HHW, GRONINGEN], organisations, users: new Map(), now: ctx.clock.now() }),
    );
  });

  it('gives Molenwijk and Rivierenwijk a draft with the knelpunten of seed 001 §4.1, with their source and not labelled invented', async () => {
    const staff = new TestBrowser(ctx.app);
    await signInAs(ctx, staff, { tenantId: HHW.id, role: 'coordinator' });
    for (const code of ['WK198016', 'WK198017']) {
      const { body } = await staff.get(`/heerhugowaard/wijken/${code}/wijkperspectief`);
      const knelpunten = /aria-labelledby="wp-knelpunten"[\s\S]*?<\/section>/.exec(body)![0];
      assert.equal(knelpunten.match(/<li>/g)?.length, MOLEN_RIVIEREN_KNELPUNTEN.length, code);
      assert.match(
        knelpunten,
        /Gebrek aan signaleringsfunctie \(bron: Meedoen is winnen, gemeente Heerhugowaard 2009, §4\.1\) <span class="wp-by">— Gemeente Heerhugowaard<\/span><\/li>/,
      );
      assert.doesNotMatch(knelpunten, /demo-waarde/);
      assert.match(body, /Versie 1 \(concept\)/);
      // A draft: the public does not see it yet.
      assert.match((await new TestBrowser(ctx.app).get(`/heerhugowaard/wijken/${code}/wijkperspectief`)).body, /nog niet opgesteld/);
    }
  });

  it('gives Oosterparkwijk a draft whose invented entries and priorities are labelled as demo', async () => {
    const staff = new TestBrowser(ctx.app);
    await signInAs(ctx, staff, { tenantId: GRONINGEN.id, role: 'professional' });
    const { body } = await staff.get('/groningen/wijken/WK001404/wijkperspectief');
    const swot = /aria-labelledby="wp-swot"[\s\S]*?<\/section>/.exec(body)![0];
    assert.match(swot, /buurtmoestuin\. <span class="wp-by">— Stips<\/span><span class="wp-demo"> \(demo-waarde, verzonnen\)<\/span>/);
    const priorities = /aria-labelledby="wp-priorities"[\s\S]*?<\/section>/.exec(body)![0];
    assert.equal(priorities.match(/\(demo-waarde, verzonnen\)/g)?.length, 3, 'every invented priority is labelled');
    assert.match(priorities, /Afgesproken met: Stips, Humanitas\./);
    assert.match(/id="vraag-9"[\s\S]*?id="vraag-10"/.exec(body)![0], /wijkteam[\s\S]*Zorgloket[\s\S]*demo-waarde, verzonnen/);
  });
});
