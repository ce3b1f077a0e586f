/**
 * Every page the demo coordinator of Krimpen aan den IJssel reaches, checked with axe: the
 * coordinator "sees everything" of a municipality's content (docs/authorization.md), so this crawl
 * reaches the work pages the admin no longer sees: handling signals, the social map's maintenance
 * and coverage, the help coordination, suggestions and dashboard.
 */
import { describe, it } from 'node:test';
import { demoEmail } from '../../src/seed/demo-accounts.ts';
import { useBrowser } from './helpers/browser.ts';
import { crawlSignedIn } from './helpers/crawl.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();

const T = '/krimpen-aan-den-ijssel';
const WORK_PAGES = [
  '/meldingen/behandelen',
  '/meldingen/wijkschouw',
  '/beheer/meldingen',
  '/sociale-kaart/beheer',
  '/sociale-kaart/dekking',
  '/hulp/coordinatie',
  '/hulp/suggesties',
  '/hulp/dashboard',
].map((p) => T + p);

describe('pages (signed in as coordinator)', () => {
  it('every page the demo coordinator of Krimpen reaches has no serious axe violations', async () => {
    const context = await browser.newContext();
    try {
      await crawlSignedIn(await context.newPage(), srv.url, {
        email: demoEmail('coordinator', 'krimpen'),
        label: 'coordinator.krimpen',
        start: [`${T}/`, ...WORK_PAGES],
        explicit: WORK_PAGES,
      });
    } finally {
      await context.close();
    }
  });
});
