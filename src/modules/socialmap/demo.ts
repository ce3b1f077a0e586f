/** The social map's demo data (demoSeed of the module): organisations, places and activities from the seeds, marked is_demo. */
import { DateTime } from 'luxon';
import type { Trx } from '../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../platform/module.ts';
import { getArea, listAreas, locatePoint } from '../areas/areas.service.ts';
import { DEMO_SOCIALMAP, type DemoSchedule } from './demo-data.ts';
import { randomUUID } from 'node:crypto';
import { ensureDefaultTaxonomies } from './taxonomy/taxonomy.service.ts';
import { locationInput, organizationInput, scheduleInput, serviceInput } from './socialmap.schemas.ts';
import { upsertRows } from './hsds/import.store.ts';
import { refreshTenantOccurrences } from './occurrences/occurrences.service.ts';
import { ZONE } from '../../platform/time.ts';
import { systemPrincipal } from '../../platform/principal.ts';
import { ensureDefaultSynonyms } from './find/find.synonyms.service.ts';
import { DEMO_PHONE_NOTE, demoFees, demoOrganisationContact, demoPhone } from './demo-contact.ts';

/** Small offsets (degrees) so places in one area do not share a point. */
const OFFSETS: readonly [number, number][] = [
  [0, 0],
  [0.0012, 0.0007],
  [-0.001, 0.0009],
  [0.0008, -0.0011],
  [-0.0013, -0.0006],
];

/** A point inside the wijk or buurt with this code (its label point, or a buurt's inside it), with the buurt and wijk found there. */
async function pointIn(trx: Trx, tenantId: string, code: string, n: number) {
  const area = await getArea(trx, tenantId, code);
  if (!area) throw new Error(`Demo social map: unknown area ${code} in ${tenantId}`);
  const labels = [area.label, ...(await listAreas(trx, tenantId, { parentCode: code })).map((a) => a.label)].filter(
    (l): l is [number, number] => l !== null,
  );
  for (const [lon, lat] of labels) {
    for (let i = 0; i < OFFSETS.length; i++) {
      const [dLon, dLat] = OFFSETS[(n + i) % OFFSETS.length]!;
      const found = await locatePoint(trx, tenantId, lon + dLon, lat + dLat);
      const hit = area.level === 'district' ? found.district?.code === code : found.neighbourhood?.code === code;
      if (hit) {
        return {
          latitude: Math.round((lat + dLat) * 1e6) / 1e6,
          longitude: Math.round((lon + dLon) * 1e6) / 1e6,
          buurt_code: found.neighbourhood?.code ?? null,
          wijk_code: found.district?.code ?? null,
        };
      }
    }
  }
  throw new Error(`Demo social map: no point found inside ${code}`);
}

/** The next first Tuesday of a month after `now` (for a cancelled open eettafel). */
function nextFirstTuesday(now: Date): string {
  let d = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day').plus({ days: 1 });
  while (!(d.weekday === 2 && d.day <= 7)) d = d.plus({ days: 1 });
  return d.toISODate()!;
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A demo schedule's HSDS fields; a weekly course starts on its first weekday on or after `startInDays` (dtstart is its first date). */
export function scheduleFields(s: DemoSchedule, now: Date) {
  const { startInDays, endInDays, cancelNext: _c, ...rest } = s;
  const day = (n: number) => DateTime.fromJSDate(now, { zone: ZONE }).plus({ days: n }).toISODate()!;
  if (startInDays === undefined) return rest;
  let first = startInDays;
  const days = rest.freq === 'WEEKLY' && rest.byday ? rest.byday.split(',') : [];
  while (days.length && !days.includes(WEEKDAY_CODES[DateTime.fromISO(day(first)).weekday - 1]!)) first++;
  const start = day(first);
  return { ...rest, dtstart: start, valid_from: start, ...(endInDays !== undefined ? { valid_to: day(endInDays) } : { valid_to: start }) };
}

/**
 * Load the demo social map of every demo tenant (inside the demo seed's transaction). Rows are
 * validated with the same schemas as the service functions, then written in one insert per table
 * (the seed runs at every e2e server start); demo data is not audited.
 */
export async function socialmapDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  const stamp = { created_at: args.now, updated_at: args.now, is_demo: true };
  for (const tenant of args.tenants) {
    const data = DEMO_SOCIALMAP[tenant.id];
    if (!data) continue;
    const terms = await ensureDefaultTaxonomies(trx, systemPrincipal(tenant.id, args.now), tenant.id);
    await ensureDefaultSynonyms(trx, systemPrincipal(tenant.id, args.now), tenant.id, args.now);
    const people = args.organisations.get(tenant.id);
    const rows: Record<string, Record<string, unknown>[]> = {
      orgs: [],
      locations: [],
      addresses: [],
      services: [],
      phones: [],
      sals: [],
      attributes: [],
      schedules: [],
      exceptions: [],
    };
    const orgIds = new Map<string, string>();
    for (const o of data.orgs) {
      const id = randomUUID();
      orgIds.set(o.name, id);
      const org = organizationInput.parse({ name: o.name, description: o.description, ...demoOrganisationContact(o.name) });
      rows.orgs!.push({ ...org, id, people_organisation_id: o.peopleOrg ? (people?.get(o.peopleOrg) ?? null) : null, ...stamp });
    }
    const placeIds = new Map<string, string>();
    for (const [n, p] of data.places.entries()) {
      const id = randomUUID();
      placeIds.set(p.key, id);
      const {
        address,
        term_ids: _t,
        term_codes: _c,
        ...loc
      } = locationInput.parse({ name: p.name, description: p.description, address: { ...p.address, country: 'NL' } });
      rows.locations!.push({ ...loc, ...(await pointIn(trx, tenant.id, p.area, n)), id, organization_id: orgIds.get(p.org)!, ...stamp });
      rows.addresses!.push({ ...address!, id: randomUUID(), location_id: id });
      for (const code of p.access) {
        rows.attributes!.push({ id: randomUUID(), link_id: id, link_entity: 'location', taxonomy_term_id: terms.get(code)! });
      }
    }
    for (const a of data.activities) {
      const id = randomUUID();
      const checked = a.checked === null ? null : DateTime.fromJSDate(args.now).minus({ months: a.checked, days: 3 }).toJSDate();
      const {
        location_ids: _l,
        term_ids: _t,
        term_codes: _c,
        ...svc
      } = serviceInput.parse({
        organization_id: orgIds.get(a.org)!,
        name: a.name,
        description: a.description,
        fees_description: demoFees(a.name, a.description),
      });
      rows.services!.push({ ...svc, id, ...stamp, last_checked_at: checked });
      // A number to call (clearly a demo number, see demo-contact.ts).
      rows.phones!.push({ id: randomUUID(), service_id: id, number: demoPhone(rows.phones!.length + 1), description: DEMO_PHONE_NOTE });
      for (const k of a.places) rows.sals!.push({ id: randomUUID(), service_id: id, location_id: placeIds.get(k)! });
      for (const code of a.terms) {
        rows.attributes!.push({ id: randomUUID(), link_id: id, link_entity: 'service', taxonomy_term_id: terms.get(code)! });
      }
      if (a.schedule) {
        const scheduleId = randomUUID();
        rows.schedules!.push({
          ...scheduleInput.parse({ ...scheduleFields(a.schedule, args.now), service_id: id }),
          id: scheduleId,
          created_at: args.now,
          updated_at: args.now,
        });
        if (a.schedule.cancelNext) {
          rows.exceptions!.push({
            id: randomUUID(),
            schedule_id: scheduleId,
            date: nextFirstTuesday(args.now),
            kind: 'cancelled',
            note: 'Geen eettafel: de vrijwilligers zijn met vakantie.',
          });
        }
      }
    }
    for (const [key, table] of TABLES) {
      const list = rows[key]!;
      if (list.length) await upsertRows(trx, tenant.id, table, [...new Set(list.flatMap((r) => Object.keys(r)))], list);
    }
    // A fresh install has its occurrences before the first request (the job keeps them moving).
    await refreshTenantOccurrences(trx, tenant.id, args.now, { full: true });
  }
}

const TABLES: readonly [string, string][] = [
  ['orgs', 'socialmap_organizations'],
  ['locations', 'socialmap_locations'],
  ['addresses', 'socialmap_addresses'],
  ['services', 'socialmap_services'],
  ['phones', 'socialmap_phones'],
  ['sals', 'socialmap_service_at_locations'],
  ['attributes', 'socialmap_attributes'],
  ['schedules', 'socialmap_schedules'],
  ['exceptions', 'socialmap_schedule_exceptions'],
];
