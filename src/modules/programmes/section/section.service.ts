import { principalOf } from '../../../platform/principal.ts';
import type { AreaSummaryArgs } from '../../../platform/module.ts';
import { getArea } from '../../areas/areas.service.ts';
import { compareNumbers } from '../overview/overview.service.ts';
import { cardMoney, listCards, listProgrammes, type ProjectCard } from '../programmes.service.ts';

/** One card as the "Projecten hier" section stores it (plain JSON). */
export interface SectionCard {
  id: string;
  programmeSlug: string;
  programmeTitleNl: string;
  programmeTitleEn: string;
  number: string;
  titleNl: string;
  titleEn: string;
  periodText: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  status: ProjectCard['status'];
  /** The card has budget lines; without them there is no gap to show. */
  hasMoney: boolean;
  /** Missing coverage in cents; null: unknown. */
  gapCents: number | null;
  /** Why it shows here: the card names this area, the wijk around this buurt, or a buurt of this wijk. */
  via: 'here' | 'wijk' | 'buurt';
  isDemo: boolean;
}

export interface ProjectsSummary {
  cards: SectionCard[];
}

/**
 * Which cards touch an area: on a buurt its own cards and its wijk's; on a wijk its own and its
 * buurten's (`areaCodes`: the wijk and its buurten); on the municipality every card.
 */
export function touching(
  cards: readonly Pick<ProjectCard, 'areaCodes'>[],
  area: { code: string; level: 'municipality' | 'district' | 'neighbourhood' },
  areaCodes: readonly string[],
  parentCode: string | null,
): ('here' | 'wijk' | 'buurt' | null)[] {
  const below = new Set(areaCodes.filter((c) => c !== area.code));
  return cards.map((c) => {
    if (area.level === 'municipality') return 'here';
    if (c.areaCodes.includes(area.code)) return 'here';
    if (area.level === 'neighbourhood' && parentCode !== null && c.areaCodes.includes(parentCode)) return 'wijk';
    if (area.level === 'district' && c.areaCodes.some((a) => below.has(a))) return 'buurt';
    return null;
  });
}

/**
 * The area-summaries job's part: the cards of the municipality's public programmes (active and
 * closed: read as the public reads them, never drafts) that touch the area, with their gap.
 */
export async function summarizeProjects({ db, tenantId, area, areaCodes, now }: AreaSummaryArgs): Promise<ProjectsSummary> {
  const reader = principalOf(null, tenantId, now);
  const programmes = new Map((await listProgrammes(db, reader, tenantId)).map((p) => [p.id, p]));
  if (programmes.size === 0) return { cards: [] };
  const cards = await listCards(db, reader, tenantId);
  const parentCode = area.level === 'neighbourhood' ? ((await getArea(db, tenantId, area.code))?.parentCode ?? null) : null;
  const via = touching(cards, area, areaCodes, parentCode);
  const out: SectionCard[] = [];
  cards.forEach((c, i) => {
    const why = via[i];
    const p = programmes.get(c.programmeId);
    if (!why || !p) return;
    const money = cardMoney(c);
    out.push({
      id: c.id,
      programmeSlug: p.slug,
      programmeTitleNl: p.titleNl,
      programmeTitleEn: p.titleEn,
      number: c.number,
      titleNl: c.titleNl,
      titleEn: c.titleEn,
      periodText: c.periodText,
      plannedStart: c.plannedStart,
      plannedEnd: c.plannedEnd,
      status: c.status,
      hasMoney: money.hasLines,
      gapCents: money.total.gapCents,
      via: why,
      isDemo: c.isDemo,
    });
  });
  out.sort((a, b) => a.programmeSlug.localeCompare(b.programmeSlug) || compareNumbers(a.number, b.number));
  return { cards: out };
}
