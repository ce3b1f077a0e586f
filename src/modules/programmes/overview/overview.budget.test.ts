import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { ensureTenant } from '../../../../test/helpers/people.ts';
import { GRONINGEN } from '../../../../test/helpers/factories.ts';
import { programmesDemoSeed } from '../demo/demo.ts';

/**
 * A programme's own budget tables on its overview page (Groningen's Wmo budget, seed 003
 * l.463-492): every line, "pm" as not known (never € 0), and the totals of the known amounts.
 */
describe("programme overview: the programme's own budget tables", () => {
  const ctx = useTestApp();

  before(async () => {
    const { db } = ctx.database;
    await ensureTenant(db, GRONINGEN);
    await programmesDemoSeed(db, {
      tenants: [GRONINGEN],
      organisations: new Map(),
      users: new Map(),
      now: new Date('2026-12-07T09:00:00Z'),
    });
  });

  it('Groningen: available € 1.245.000 plus one unknown line, planned use € 1.200.000, in Dutch and English', async () => {
    const res = await ctx.app.inject({ url: `/${GRONINGEN.slug}/programmas/vitale-buurten/overzicht` });
    assert.equal(res.statusCode, 200);
    const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(text, /Beschikbaar budget/);
    assert.match(text, /Totaal € 1\.245\.000 plus 1 post\(en\) met een bedrag dat nog niet bekend is/);
    assert.match(text, /Geplande besteding/);
    assert.match(text, /Totaal € 1\.200\.000 plus 1 post/);
    assert.match(text, /pm \(nog niet bekend\)/);
    assert.doesNotMatch(text, /Awbz-pakketmaatregel \(2010\): pm € 0/);
    const en = await ctx.app.inject({ url: `/${GRONINGEN.slug}/programmas/vitale-buurten/overzicht`, cookies: { lang: 'en' } });
    assert.match(en.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '), /Total €1,245,000 plus 1 item\(s\) whose amount is not known yet/);
  });
});
