/**
 * The surveys module's demo data (demoSeed): per demo municipality one open survey with the
 * cohesion scale (2021) and the DSP functions, ten paper codes, and invented responses marked
 * is_demo and labelled "demo, verzonnen" on every page. Deterministic (seeded by the municipality's
 * code): three buurten get enough responses to pass the threshold of 30, three others too few, so
 * the neighbourhood page shows both figures and suppression.
 */
import { createHash } from 'node:crypto';
import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { localDate } from '../../../platform/time.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { itemSet } from '../itemsets/itemsets.ts';
import type { ItemSet } from '../itemsets/itemsets.types.ts';
import { insertInvitations, insertSurvey } from '../builder/builder.store.ts';
import { insertResponses } from '../respond/respond.store.ts';
import { codeHash, formatCode, newCode } from '../builder/codes.ts';

export const DEMO_SURVEY_SETS = [
  { set: 'cohesion-vm', version: '2021' },
  { set: 'dsp-functions', version: '1' },
] as const;
/** Responses in the buurten above and below the threshold (30). */
const ABOVE = [34, 41, 37] as const;
const BELOW = [12, 7, 19] as const;
const PAPER_CODES = 10;

/** A small seeded generator (mulberry32): the same municipality always gets the same demo data. */
export function seeded(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo's paper codes of a municipality, as printed (deterministic, so the docs and journeys can use them). */
export function demoPaperCodes(tenantId: string, n = PAPER_CODES): string[] {
  const rnd = seeded(`surveys-demo-codes-${tenantId}`);
  const bytes = (k: number) => Uint8Array.from({ length: k }, () => Math.floor(rnd() * 256));
  return Array.from({ length: n }, () => formatCode(newCode(bytes)));
}

/** The demo survey's open-link token of a municipality (deterministic, like the codes). */
export function demoOpenLinkToken(tenantId: string): string {
  return createHash('sha256').update(`surveys-demo-link-${tenantId}`).digest('base64url');
}

/** One invented response: answers leaning to the buurt's `mood` (0 = negative … 1 = positive). */
function demoAnswers(sets: readonly ItemSet[], rnd: () => number, mood: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const s of sets) {
    for (const it of s.items) {
      const name = `${s.set}.${it.key}`;
      if (it.optional && rnd() < 0.1) {
        out[name] = null;
        continue;
      }
      if (it.kind === 'number') {
        const max = Math.min(it.max ?? 40, 40);
        out[name] = Math.round(rnd() * rnd() * max * (0.5 + mood));
        continue;
      }
      const opts = it.options ?? [];
      // Lean to one end: the reverse-scored item the other way; a little noise on every answer.
      const lean = it.reverse ? 1 - mood : mood;
      const pos = Math.min(opts.length - 1, Math.max(0, Math.round((1 - lean) * (opts.length - 1) + (rnd() - 0.5) * 2)));
      out[name] = opts[pos]?.value ?? null;
    }
  }
  return out;
}

export async function surveysDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  const sets = DEMO_SURVEY_SETS.map((r) => itemSet(r.set, r.version)).filter((s): s is ItemSet => s !== null);
  if (sets.length !== DEMO_SURVEY_SETS.length) throw new Error('Demo surveys: an item set is missing');
  const day = (offset: number) => localDate(new Date(args.now.getTime() + offset * 86_400_000));
  for (const tenant of args.tenants) {
    const rnd = seeded(`surveys-demo-${tenant.id}`);
    const buurten = (await listAreas(trx, tenant.id, { level: 'neighbourhood' })).sort((a, b) => a.code.localeCompare(b.code));
    const token = demoOpenLinkToken(tenant.id);
    const surveyId = await insertSurvey(trx, {
      tenant_id: tenant.id,
      title_nl: `Buurtenquête ${tenant.name} 2026`,
      title_en: `Neighbourhood survey ${tenant.name} 2026`,
      intro_nl: 'Hoe is het contact in uw buurt? Dit is een demo-enquête: de antwoorden zijn verzonnen.',
      intro_en: 'How is the contact in your neighbourhood? This is a demo survey: the responses are invented.',
      item_sets: JSON.stringify(DEMO_SURVEY_SETS),
      area_code: null,
      period: args.now.toISOString().slice(0, 4),
      status: 'open',
      opens_on: day(-30),
      closes_on: day(60),
      open_link_token: token,
      min_respondents: 30,
      is_demo: true,
      created_by: null,
      created_at: args.now,
    });
    await insertInvitations(
      trx,
      demoPaperCodes(tenant.id).map((c) => ({
        tenantId: tenant.id,
        surveyId,
        codeHash: codeHash(c.replace('-', '')),
        kind: 'paper' as const,
        areaCode: null,
        now: args.now,
      })),
    );
    const counts = [...ABOVE, ...BELOW];
    const versions = Object.fromEntries(sets.map((s) => [s.set, s.version]));
    const rows = buurten.slice(0, counts.length).flatMap((b, i) => {
      const mood = 0.35 + rnd() * 0.4;
      return Array.from({ length: counts[i]! }, () => ({
        tenant_id: tenant.id,
        survey_id: surveyId,
        area_code: b.code,
        channel: (rnd() < 0.2 ? 'paper' : 'link') as 'paper' | 'link',
        answers: JSON.stringify(demoAnswers(sets, rnd, mood)),
        item_versions: JSON.stringify(versions),
        submitted_on: day(-Math.floor(rnd() * 30)),
        is_demo: true,
      }));
    });
    await insertResponses(trx, rows);
  }
}
