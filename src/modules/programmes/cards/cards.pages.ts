/** What the card page and the card form show, gathered through the services (areas, people, this module). */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/principal.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { getOrganisation, listOrganisations } from '../../people/people.service.ts';
import { getProgramme, listGoals, listLineActivities } from '../core/core.service.ts';
import type { Goal, Programme } from '../core/core.store.ts';
import { canEditCard, cardMoney, getCard } from './cards.service.ts';
import * as store from './cards.store.ts';
import type { CardPageModel } from './views/card-page.tsx';

export async function areaChoices(db: DbOrTrx, tenantId: string): Promise<{ code: string; label: string }[]> {
  const areas = await listAreas(db, tenantId);
  const wijken = areas.filter((a) => a.level === 'district').sort((a, b) => a.code.localeCompare(b.code));
  const out: { code: string; label: string }[] = [];
  for (const w of wijken) {
    out.push({ code: w.code, label: `${w.name} (${w.code})` });
    for (const b of areas
      .filter((a) => a.level === 'neighbourhood' && a.parentCode === w.code)
      .sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ code: b.code, label: `${b.name} (${b.code}, ${w.name})` });
    }
  }
  return out;
}

export async function areaNames(db: DbOrTrx, tenantId: string): Promise<Map<string, string>> {
  return new Map((await listAreas(db, tenantId)).map((a) => [a.code, a.name]));
}

export function goalLabel(g: Goal, locale: string): string {
  return `${g.number}. ${locale === 'nl' ? g.titleNl : g.titleEn || g.titleNl}`;
}

export async function cardPageModel(db: DbOrTrx, principal: Principal, tenantId: string, slug: string, id: string): Promise<CardPageModel> {
  const programme = await getProgramme(db, principal, tenantId, slug);
  const card = await getCard(db, principal, tenantId, id);
  if (card.programmeId !== programme.id) throw NotFound();
  const [goals, names, lines, action] = await Promise.all([
    listGoals(db, principal, tenantId, programme.id),
    areaNames(db, tenantId),
    card.fromLineActivityId ? listLineActivities(db, principal, tenantId, programme.id) : Promise.resolve([]),
    card.fromActionId ? store.findActionRow(db, tenantId, card.fromActionId) : Promise.resolve(null),
  ]);
  let ownerOrganisation: string | null = null;
  if (card.ownerOrganisationId) {
    ownerOrganisation = (await getOrganisation(db, tenantId, card.ownerOrganisationId).catch(() => null))?.name ?? null;
  }
  return {
    programme,
    card,
    goals,
    areaNames: names,
    ownerOrganisation,
    money: cardMoney(card),
    canEdit: canEditCard(principal, card),
    fromAction: action?.number ?? null,
    fromLine: lines.find((l) => l.id === card.fromLineActivityId)?.number ?? null,
  };
}

export interface CardFormContext {
  programme: Programme;
  goals: Goal[];
  areas: { code: string; label: string }[];
  organisations: { id: string; name: string }[];
}

/** The choices of the card form: the programme's goals, the municipality's wijken and buurten, the organisations the principal may choose. */
export async function cardFormContext(db: DbOrTrx, principal: Principal, tenantId: string, slug: string): Promise<CardFormContext> {
  const programme = await getProgramme(db, principal, tenantId, slug);
  const [goals, areas, orgs] = await Promise.all([
    listGoals(db, principal, tenantId, programme.id),
    areaChoices(db, tenantId),
    listOrganisations(db, tenantId),
  ]);
  const coordinator = principal.roles.includes('coordinator');
  const organisations = orgs
    .filter((o) => coordinator || principal.organisationIds.includes(o.id))
    .map((o) => ({ id: o.id, name: o.name }));
  return { programme, goals, areas, organisations };
}
