import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { KRIMPEN, buildArea } from '../../../../test/helpers/factories.ts';
import { refreshAreaSummaries } from '../../../../test/helpers/summaries.ts';
import { BUURT_1, BUURT_2, WIJK_1, WIJK_2, buildProgrammeFixture } from '../overview/overview.test-support.ts';
import { touching } from './section.service.ts';

const EMPTY_WIJK = 'WK054203';

/** The "Projecten hier" section of a neighbourhood page, as text. */
async function section(browser: TestBrowser, code: string): Promise<string> {
  const res = await browser.get(`/${KRIMPEN.slug}/wijken/${code}`);
  assert.equal(res.statusCode, 200, code);
  const html = new RegExp(`<section class="section pg-section" aria-labelledby="projecten-${code}">[\\s\\S]*?</section>`).exec(
    res.body,
  )?.[0];
  assert.ok(html, `the section is on the page of ${code}`);
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('"Projecten hier" on the neighbourhood page', () => {
  const ctx = useTestApp();
  before(async () => {
    await buildProgrammeFixture(ctx.database.db);
    await buildArea(ctx.database.db, {
      tenantId: KRIMPEN.id,
      level: 'district',
      code: EMPTY_WIJK,
      name: 'Langeland',
      bbox: [4.62, 51.91, 4.64, 51.92],
    });
    const result = await refreshAreaSummaries(ctx.app, KRIMPEN.id);
    assert.deepEqual(
      result.failed.filter((f) => f.sectionId === 'programmes.projects'),
      [],
    );
  });

  it("shows a buurt its own cards and its wijk's, with period, status and gap", async () => {
    const browser = new TestBrowser(ctx.app);
    const buurt1 = await section(browser, BUURT_1);
    assert.match(buurt1, /^Projecten hier /);
    assert.match(buurt1, /1\. Samen koken in Oud-Krimpen \(project voor de hele wijk\) 2010-2011 gepland € 10\.000/);
    assert.doesNotMatch(buurt1, /Geheim conceptproject/, "a draft programme's card is not public");
    const buurt2 = await section(browser, BUURT_2);
    assert.match(buurt2, /2\. Buurtcoach Lansingh 2011 ev gepland onbekend/);
    assert.match(buurt2, /3\. Wijkschouw Lansingh-Zuid \(project voor de hele wijk\) niet bekend gepland geen bedragen/);
  });

  it('shows a wijk its own cards and those of its buurten, and "Nog geen projecten" when none', async () => {
    const browser = new TestBrowser(ctx.app);
    const wijk2 = await section(browser, WIJK_2);
    assert.match(wijk2, /2\. Buurtcoach Lansingh \(project in een buurt van deze wijk\) 2011 ev gepland onbekend/);
    assert.match(wijk2, /3\. Wijkschouw Lansingh-Zuid niet bekend gepland geen bedragen/);
    assert.doesNotMatch(wijk2, /Samen koken/);
    const wijk1 = await section(browser, WIJK_1);
    assert.match(wijk1, /Samen koken in Oud-Krimpen 2010-2011 gepland € 10\.000/);
    assert.doesNotMatch(wijk1, /Buurtcoach/);
    assert.equal(await section(browser, EMPTY_WIJK), 'Projecten hier Nog geen projecten.');
    const page = (await browser.get(`/${KRIMPEN.slug}/wijken/${WIJK_1}`)).body;
    assert.match(page, /href="\/krimpen-aan-den-ijssel\/programmas\/oog-en-oor\/overzicht"/);
  });

  it('matches areas by code: a buurt through its wijk, a wijk through its buurten', () => {
    const cards = [{ areaCodes: [WIJK_1] }, { areaCodes: [BUURT_2] }, { areaCodes: [WIJK_2, BUURT_1] }];
    assert.deepEqual(touching(cards, { code: BUURT_1, level: 'neighbourhood' }, [BUURT_1], WIJK_1), ['wijk', null, 'here']);
    assert.deepEqual(touching(cards, { code: WIJK_2, level: 'district' }, [WIJK_2, BUURT_2], null), [null, 'buurt', 'here']);
    assert.deepEqual(touching(cards, { code: 'GM0542', level: 'municipality' }, ['GM0542'], null), ['here', 'here', 'here']);
  });
});
