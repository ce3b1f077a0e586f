/** Helpers of section.privacy.test.ts: recording answers, comparing snapshots, moving a signal as the system. */
import type { LightMyRequestResponse } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { transitionSignal } from '../signals.service.ts';
import { OPEN_STATES } from '../workflow.ts';
import { KRIMPEN, NOW } from '../signals.test-support.ts';

const HEADERS = ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control', 'content-disposition', 'location'];

export type Snapshot = Map<string, string>;

/** Status, the headers that matter and the body of one answer. */
export function record(res: LightMyRequestResponse, body = res.body): string {
  const headers = HEADERS.map((h) => `${h}: ${String(res.headers[h] ?? '')}`).join('\n');
  return `${res.statusCode}\n${headers}\n\n${body}`;
}

/** What changed between two snapshots: the key and a short piece around the first difference. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key) ?? '(missing)';
    const b = after.get(key) ?? '(missing)';
    if (a === b) continue;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const piece = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 120), i + 120));
    out.push(`${key}\n  before: ${piece(a)}\n  after:  ${piece(b)}`);
  }
  return out;
}

/** One workflow step of a Krimpen signal by the system (no user), with a public message. */
export async function systemStep(
  db: DbOrTrx,
  signalId: string,
  to: 'in_behandeling' | 'afgehandeld',
  publicMessage: string,
  now: Date,
): Promise<void> {
  await transitionSignal(db, {
    tenantId: KRIMPEN.id,
    signalId,
    actorUserId: null,
    locale: 'nl',
    links: { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug },
    principal: systemPrincipal(KRIMPEN.id, now),
    to,
    publicMessage,
    now,
  });
}

/** Close, through the workflow, every open worry about a neighbour (sensitive category) in Krimpen. */
export async function closeOpenWorries(db: DbOrTrx): Promise<void> {
  const open = await db
    .selectFrom('signals_signals as s')
    .innerJoin('signals_categories as c', 'c.id', 's.category_id')
    .select(['s.id', 's.state'])
    .where('s.tenant_id', '=', KRIMPEN.id)
    .where('c.sensitive', '=', true)
    .where('s.state', 'in', OPEN_STATES)
    .execute();
  for (const s of open) {
    if (s.state === 'gemeld') await systemStep(db, s.id, 'in_behandeling', 'We kijken ernaar.', NOW);
    await systemStep(db, s.id, 'afgehandeld', 'Er is hulp geregeld.', NOW);
  }
}
