import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { principalOf, type Principal } from '../../../platform/principal.ts';
import { createSignal } from '../signals.service.ts';
import { countSignalsCapped } from '../signals.store.ts';
import { KRIMPEN, NOW, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';
import { filterFor, listPage, PAGE_SIZE, parseListQuery, type ListPage } from './list.service.ts';

/** Every page forward from the first, by the "next" cursor. */
async function forward(load: (at: { after?: string | null }) => Promise<ListPage>): Promise<{ ids: string[]; pages: ListPage[] }> {
  const pages: ListPage[] = [];
  let page = await load({});
  pages.push(page);
  while (page.next) {
    page = await load({ after: page.next });
    pages.push(page);
  }
  return { ids: pages.flatMap((p) => p.rows.map((r) => r.publicId)), pages };
}

describe('signals list: keyset paging and capped counts', () => {
  const ctx = useTestDb();
  let k: TenantFixture;
  let coordinator: Principal;
  let housingPro: Principal;
  let n = 0;
  const add = async (at: Date, serviceCode = 'verlichting') =>
    (
      await createSignal(
        ctx.database.db,
        newSignal({ category: { serviceCode }, description: `Melding ${n++}`, reporter: { email: 'k@example.nl' }, now: at }),
      )
    ).signal.public_id;

  before(async () => {
    k = await setupTenant(ctx.database.db, KRIMPEN);
    // 130 signals in groups of 10 sharing one timestamp (ties on the sort key), some for housing.
    for (let i = 0; i < 130; i++) {
      await add(new Date(NOW.getTime() - Math.floor(i / 10) * 60_000), i % 4 === 0 ? 'burenoverlast' : 'verlichting');
    }
    const as = (role: 'coordinator' | 'professional', organisationId: string | null) =>
      principalOf({ id: 'keyset', mfaVerified: true, memberships: [{ tenantId: KRIMPEN.id, organisationId, role }] }, KRIMPEN.id, NOW);
    coordinator = as('coordinator', null);
    housingPro = as('professional', k.housing);
  });

  it('walks forward and back over ties: every row once, in the same order both ways, for every viewer and filter', async () => {
    const db = ctx.database.db;
    // The list has one order (newest first, id as tiebreaker); each filter and viewer uses its own index path.
    const cases = [
      { who: coordinator, q: { status: '' } },
      { who: coordinator, q: { status: 'gemeld' } },
      { who: coordinator, q: { status: 'open', categorie: 'burenoverlast' } },
      { who: coordinator, q: { status: 'open', organisatie: k.housing } },
      { who: housingPro, q: { status: '' } },
    ];
    for (const { who, q } of cases) {
      const filter = filterFor(parseListQuery(q), [], NOW);
      const load = (at: { after?: string | null; before?: string | null }) => listPage(db, who, KRIMPEN.id, filter, at);
      const { ids, pages } = await forward(load);
      assert.equal(new Set(ids).size, ids.length, `${JSON.stringify(q)}: no row twice`);
      assert.equal(ids.length, pages[0]!.total, `${JSON.stringify(q)}: every row once (the exact count)`);
      assert.ok(pages.slice(0, -1).every((p) => p.rows.length === PAGE_SIZE));
      assert.equal(pages[0]!.first, true);
      assert.equal(pages[0]!.prev, null);
      // Backwards from the last page by the "previous" cursor gives the same pages.
      const back: string[][] = [];
      let page = pages[pages.length - 1]!;
      back.unshift(page.rows.map((r) => r.publicId));
      while (page.prev) {
        page = await load({ before: page.prev });
        back.unshift(page.rows.map((r) => r.publicId));
      }
      assert.equal(page.first, true);
      assert.deepEqual(back.flat(), ids, `${JSON.stringify(q)}: the same order backwards`);
    }
  });

  it('rows added between page loads are never repeated and never make an existing row skip', async () => {
    const db = ctx.database.db;
    const filter = filterFor(parseListQuery({ status: '' }), [], NOW);
    const load = (at: { after?: string | null; before?: string | null }) => listPage(db, coordinator, KRIMPEN.id, filter, at);
    const before = (await forward(load)).ids;
    const seen: string[] = [];
    let page = await load({});
    seen.push(...page.rows.map((r) => r.publicId));
    const added: string[] = [];
    while (page.next) {
      // Newer signals, and one with the very timestamp of the last row shown (a tie with the cursor).
      added.push(await add(new Date(NOW.getTime() + 3_600_000 + added.length)));
      const last = page.rows[page.rows.length - 1]!;
      const lastRow = await db
        .selectFrom('signals_signals')
        .select('created_at')
        .where('tenant_id', '=', KRIMPEN.id)
        .where('public_id', '=', last.publicId)
        .executeTakeFirstOrThrow();
      added.push(await add(lastRow.created_at));
      page = await load({ after: page.next });
      seen.push(...page.rows.map((r) => r.publicId));
    }
    assert.equal(new Set(seen).size, seen.length, 'no row twice');
    for (const id of before) assert.ok(seen.includes(id), `${id} not skipped`);
    assert.ok(added.length > 0);
  });

  it('counts exactly up to the cap and says "more" beyond it', async () => {
    const db = ctx.database.db;
    const all = filterFor(parseListQuery({ status: '' }), [], NOW);
    const exact = Number(
      (
        await db
          .selectFrom('signals_signals')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('tenant_id', '=', KRIMPEN.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    assert.deepEqual(await countSignalsCapped(db, KRIMPEN.id, all, exact), { n: exact, more: false });
    assert.deepEqual(await countSignalsCapped(db, KRIMPEN.id, all, exact - 1), { n: exact - 1, more: true });
    assert.deepEqual(await countSignalsCapped(db, KRIMPEN.id, all, 10), { n: 10, more: true });
    const page = await listPage(db, coordinator, KRIMPEN.id, all);
    assert.deepEqual([page.total, page.more], [exact, false], 'below the cap of the list the count is exact');
    const housing = filterFor(parseListQuery({ status: '', organisatie: k.housing }), [], NOW);
    const housingCount = Number(
      (
        await db
          .selectFrom('signals_signals')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('tenant_id', '=', KRIMPEN.id)
          .where('organisation_id', '=', k.housing)
          .executeTakeFirstOrThrow()
      ).n,
    );
    assert.equal((await listPage(db, coordinator, KRIMPEN.id, housing)).total, housingCount);
  });
});
