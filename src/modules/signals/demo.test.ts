import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { signInUser } from '../../../test/helpers/people.ts';
import { DEMO_TENANTS, demoEmail } from '../../seed/demo-accounts.ts';
import { findUserByEmail } from '../people/people.service.ts';
import { getDefaultDesk } from './config/config.service.ts';
import { listRoutingRules, organisationsWithoutHandlers } from './config/categories.service.ts';

describe('signals demo data', () => {
  // The demo data, seeded once per run into a template (test/helpers/db.ts).
  const ctx = useTestApp({}, { demo: true });

  it('routes every demo signal to an organisation with someone who picks it up; Krimpen’s demo professional sees the worry about a neighbour', async () => {
    const db = ctx.database.db;
    for (const t of DEMO_TENANTS) {
      const unstaffed = await organisationsWithoutHandlers(db, t.id);
      for (const rule of await listRoutingRules(db, t.id)) {
        assert.ok(!unstaffed.has(rule.organisation_id), `${t.slug}: rule ${rule.position} points at an organisation without members`);
      }
      const desk = await getDefaultDesk(db, t.id);
      assert.ok(desk && !unstaffed.has(desk), `${t.slug}: the default desk has someone`);
    }

    const krimpen = DEMO_TENANTS[0];
    const professional = await findUserByEmail(db, demoEmail('professional', krimpen.short));
    const browser = new TestBrowser(ctx.app);
    await signInUser(ctx, browser, professional!.id, { mfa: true });
    const list = await browser.get(`/${krimpen.slug}/meldingen/behandelen`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes('Eenzaamheid of isolement'), 'the care worry is in the professional’s list');
    const worry = await db
      .selectFrom('signals_signals')
      .innerJoin('signals_categories', 'signals_categories.id', 'signals_signals.category_id')
      .select('signals_signals.public_id')
      .where('signals_signals.tenant_id', '=', krimpen.id)
      .where('signals_categories.service_code', '=', 'eenzaamheid')
      .executeTakeFirstOrThrow();
    assert.equal((await browser.get(`/${krimpen.slug}/meldingen/behandelen/${worry.public_id}`)).statusCode, 200);
  });

  it('gives every demo standard text an English text beside the Dutch one (issue 12)', async () => {
    const texts = await ctx.database.db.selectFrom('signals_standard_texts').select(['state', 'text', 'text_en']).execute();
    assert.ok(texts.length > 0);
    for (const r of texts) assert.ok(r.text_en && r.text_en !== r.text, `${r.state}: an English text`);
  });
});
