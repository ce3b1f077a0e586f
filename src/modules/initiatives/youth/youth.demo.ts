/**
 * Demo data of the youth channel (issue 15, scope 5; Krimpen §7 asks for youth participation through
 * an interactive website, seed 000): in one demo wijk of Krimpen aan den IJssel, three ideas that were
 * let through with what became of them, and one open poll. The seeds give no ideas or polls: every
 * text is invented and marked `is_demo` ("demo-waarde, verzonnen" on the card). Idempotent: skipped
 * when the municipality has a demo poll already.
 */
import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { localDate } from '../../../platform/time.ts';
import { listAreas } from '../../areas/areas.service.ts';
import * as store from './youth.store.ts';

const KRIMPEN = 'GM0542';
/** The demo wijk (the youth journey's), else the first wijk of the municipality. */
const DEMO_WIJK = 'WK054200';

const addDays = (ymd: string, days: number) => {
  const d = new Date(`${ymd}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const IDEAS = [
  {
    text: 'Een plek om te chillen met een dak erboven, bij het park.',
    nickname: 'Noor',
    status: 'growing' as const,
    responseNl: 'We zoeken met de jongerenwerker een plek en een bewoner die meetekent.',
    responseEn: 'We are looking for a spot with the youth worker and a resident who co-signs.',
    daysAgo: 40,
  },
  {
    text: 'Een voetbaltoernooi in de zomer voor de hele wijk.',
    nickname: '',
    status: 'seen' as const,
    responseNl: '',
    responseEn: '',
    daysAgo: 12,
  },
  {
    text: 'Gratis wifi in het buurthuis.',
    nickname: 'Daan',
    status: 'not_now' as const,
    responseNl: 'Het buurthuis wordt eerst verbouwd. Daarna kijken we er opnieuw naar.',
    responseEn: 'The community centre is being rebuilt first. We will look at it again after that.',
    daysAgo: 25,
  },
];

export async function youthDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  if (!args.tenants.some((t) => t.id === KRIMPEN)) return;
  if (await store.hasDemoYouth(trx, KRIMPEN)) return;
  const wijken = (await listAreas(trx, KRIMPEN, { level: 'district' })).map((a) => a.code).sort();
  const wijk = wijken.includes(DEMO_WIJK) ? DEMO_WIJK : wijken[0];
  if (!wijk) return;
  const today = localDate(args.now);
  for (const i of IDEAS) {
    await store.insertDemoIdea(trx, { tenantId: KRIMPEN, areaCode: wijk, ...i, createdOn: addDays(today, -i.daysAgo) });
  }
  await store.insertDemoPoll(trx, {
    tenantId: KRIMPEN,
    areaCode: wijk,
    questionNl: 'Waar wil je het liefst afspreken met vrienden?',
    questionEn: 'Where would you most like to meet friends?',
    options: [
      { key: 'o1', nl: 'In het park', en: 'In the park' },
      { key: 'o2', nl: 'In het buurthuis', en: 'In the community centre' },
      { key: 'o3', nl: 'Bij de sportvelden', en: 'At the sports fields' },
    ],
    opensOn: addDays(today, -7),
    closesOn: addDays(today, 60),
  });
}
