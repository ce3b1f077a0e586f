/**
 * Every page the demo beheerder (admin) of Groningen reaches, checked with axe: a breadth-first
 * crawl signed in, plus the account and management pages that must always be checked. The
 * coordinator's pages are crawled in pages-coordinator.test.ts, the anonymous ones and the English
 * check in pages.test.ts (files of their own, so the long crawls run side by side).
 */
import { describe, it } from 'node:test';
import { demoEmail } from '../../src/seed/demo-accounts.ts';
import { useBrowser } from './helpers/browser.ts';
import { crawlSignedIn } from './helpers/crawl.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();

const ADMIN_PAGES = ['gebruikers', 'organisaties', 'gebieden', 'mail', 'audit'].map((p) => `/groningen/beheer/${p}`);

describe('pages (signed in as admin)', () => {
  it('every page the demo beheerder of Groningen reaches has no serious axe violations', async () => {
    const context = await browser.newContext();
    try {
      await crawlSignedIn(await context.newPage(), srv.url, {
        email: demoEmail('beheerder', 'groningen'),
        label: 'beheerder.groningen',
        start: ['/', '/groningen/', '/account'],
        explicit: ['/account', '/account/tweestaps', ...ADMIN_PAGES],
      });
    } finally {
      await context.close();
    }
  });
});
