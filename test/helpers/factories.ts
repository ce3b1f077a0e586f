/**
 * Fixture factories: each builds one real row through its module's own service functions (never a
 * raw insert), with defaults a test overrides only where it is about that field. Every factory
 * takes the moment from `now` (default TEST_NOW, the start of useTestApp's fixed clock), never
 * from the wall clock.
 */
import type { DbOrTrx } from '../../src/platform/db/database.ts';
import type { Role } from '../../src/platform/roles.ts';
import type { Locale } from '../../src/platform/i18n/index.ts';
import { createTenant, findTenantById, importAreas, type Tenant } from '../../src/modules/areas/areas.service.ts';
import { addMembership, createOrganisation, createUser } from '../../src/modules/people/people.service.ts';
import type { OrganisationKind } from '../../src/modules/people/people.tables.ts';
import { createSignal, type CreatedSignal, type NewSignal } from '../../src/modules/signals/signals.service.ts';
import { actorIn, type Actor } from '../../src/modules/helpmatch/actor.ts';
import { createRequest, type NewRequest } from '../../src/modules/helpmatch/requests/requests.service.ts';
import { saveOffer, type OfferInput } from '../../src/modules/helpmatch/offers/offers.service.ts';
import { systemActor } from '../../src/modules/socialmap/actor.ts';
import { createOrganization, type Organization } from '../../src/modules/socialmap/records/organizations.service.ts';
import { createService, type Service } from '../../src/modules/socialmap/records/services.service.ts';
import type { ServiceInput } from '../../src/modules/socialmap/socialmap.schemas.ts';

/** The moment of fixtures unless a test gives one: the start of useTestApp's fixed clock. */
export const TEST_NOW = new Date('2026-11-23T10:00:00Z');
/** The two municipalities most tests use (with demo areas in seed-data/cbs). */
export const KRIMPEN = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' } as const;
export const GRONINGEN = { id: 'GM0014', slug: 'groningen', name: 'Groningen' } as const;
/** A point in Krimpen aan den IJssel (in its demo areas and in helpmatch's test buurt BU05420000). */
export const KRIMPEN_POINT = { latitude: 51.915, longitude: 4.6 } as const;

let seq = 0;
const next = () => ++seq;

/** A tenant (KRIMPEN unless overridden) through the areas service; returns the existing one when its id is taken. */
export async function buildTenant(db: DbOrTrx, over: Partial<Tenant> = {}): Promise<Tenant> {
  const t = { ...KRIMPEN, ...over };
  return (await findTenantById(db, t.id)) ?? (await createTenant(db, t));
}

export interface BuildUserOptions {
  /** One membership: this role in this tenant (and organisation); leave out for a user without a role. */
  tenantId?: string;
  role?: Role;
  organisationId?: string | null;
  /** More memberships, after the one above, in this order. */
  memberships?: readonly { tenantId: string; role: Role; organisationId?: string | null }[];
  email?: string;
  name?: string;
  password?: string;
  locale?: Locale;
  phone?: string | null;
  address?: string | null;
  /** An encrypted TOTP secret: the second factor is on since `now`. */
  totpSecretEncrypted?: string;
  now?: Date;
}

/** A user through the people service, with the memberships asked for; returns id, e-mail and name. */
export async function buildUser(db: DbOrTrx, opts: BuildUserOptions = {}): Promise<{ id: string; email: string; name: string }> {
  const n = next();
  const email = opts.email ?? `${opts.role ?? 'user'}.${n}@factory.test`;
  const name = opts.name ?? `Test ${opts.role ?? 'persoon'} ${n}`;
  const { id } = await createUser(db, {
    email,
    name,
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.phone !== undefined ? { phone: opts.phone } : {}),
    ...(opts.address !== undefined ? { address: opts.address } : {}),
    ...(opts.totpSecretEncrypted ? { totpSecretEncrypted: opts.totpSecretEncrypted, totpEnabledAt: opts.now ?? TEST_NOW } : {}),
  });
  const memberships = [
    ...(opts.role ? [{ tenantId: opts.tenantId ?? KRIMPEN.id, role: opts.role, organisationId: opts.organisationId ?? null }] : []),
    ...(opts.memberships ?? []),
  ];
  for (const m of memberships) {
    await addMembership(db, { tenantId: m.tenantId, userId: id, organisationId: m.organisationId ?? null, role: m.role });
  }
  return { id, email: email.trim().toLowerCase(), name };
}

/** An organisation (people module) in a tenant; returns its id with the values used. */
export async function buildOrganisation(
  db: DbOrTrx,
  over: { tenantId?: string; name?: string; kind?: OrganisationKind } = {},
): Promise<{ id: string; tenantId: string; name: string; kind: OrganisationKind }> {
  const o = { tenantId: KRIMPEN.id, name: `Organisatie ${next()}`, kind: 'welzijn' as OrganisationKind, ...over };
  const { id } = await createOrganisation(db, o);
  return { id, ...o };
}

/** One district or neighbourhood with a rectangular outline [minLon, minLat, maxLon, maxLat], through the areas import. */
export async function buildArea(
  db: DbOrTrx,
  a: {
    tenantId: string;
    level: 'district' | 'neighbourhood';
    code: string;
    name: string;
    bbox: readonly [number, number, number, number];
    now?: Date;
  },
): Promise<void> {
  const [minLon, minLat, maxLon, maxLat] = a.bbox;
  const ring = [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
  const properties = a.level === 'district' ? { wijkcode: a.code, wijknaam: a.name } : { buurtcode: a.code, buurtnaam: a.name };
  const report = await importAreas(db, {
    now: a.now ?? TEST_NOW,
    tenantId: a.tenantId,
    level: a.level,
    year: 2024,
    source: 'test',
    features: [{ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } }],
  });
  if (report.rejected.length > 0) throw new Error(`buildArea: ${JSON.stringify(report.rejected)}`);
}

/**
 * A signal through the signals service (routing, confirmation mail and all). The tenant needs its
 * categories (signals.test-support's setupTenant); the default category is `verlichting`.
 */
export async function buildSignal(db: DbOrTrx, over: Partial<NewSignal> & { tenantSlug?: string } = {}): Promise<CreatedSignal> {
  const { tenantSlug, ...rest } = over;
  return createSignal(db, {
    tenantId: KRIMPEN.id,
    category: { serviceCode: 'verlichting' },
    description: 'De lantaarnpaal voor nummer 12 brandt niet.',
    ...KRIMPEN_POINT,
    address: 'Raadhuisplein 1',
    reporter: { email: `melder.${next()}@factory.test`, name: 'Mevrouw Melder' },
    wantsFeedback: true,
    locale: 'nl',
    links: { baseUrl: 'http://localhost:3000', tenantSlug: tenantSlug ?? KRIMPEN.slug },
    now: TEST_NOW,
    ...rest,
  });
}

/** A helpmatch actor: a new user with this role in the tenant, acting at `now`. */
export async function buildHelpmatchActor(db: DbOrTrx, tenantId: string, role: Role, now: Date = TEST_NOW): Promise<Actor> {
  const { id } = await buildUser(db, { tenantId, role });
  return actorIn(tenantId, id, [role], { now });
}

/**
 * A help request through the helpmatch service: weekly on Tuesday afternoon at KRIMPEN_POINT,
 * asked by `requester` (a new resident unless given). The tenant needs areas there.
 */
export async function buildHelpRequest(
  db: DbOrTrx,
  opts: { tenantId?: string; requester?: Actor; now?: Date } & Partial<NewRequest> = {},
): Promise<{ id: string; requester: Actor }> {
  const { tenantId = KRIMPEN.id, requester: given, now = TEST_NOW, ...over } = opts;
  const requester = given ?? (await buildHelpmatchActor(db, tenantId, 'resident', now));
  const { id } = await createRequest(
    db,
    tenantId,
    requester,
    {
      category: 'tuin',
      helpType: 'incidental',
      summary: 'Heg snoeien',
      remarks: null,
      schedule: { kind: 'weekly', slots: [{ weekday: 2, from: '14:00', to: '16:00' }] },
      address: 'Geheimstraat 12',
      lon: KRIMPEN_POINT.longitude,
      lat: KRIMPEN_POINT.latitude,
      radiusM: null,
      urgency: 'normal',
      vulnerable: false,
      ...over,
    },
    now,
  );
  return { id, requester };
}

/** An offer of help through the helpmatch service, by `volunteer` (a new volunteer unless given), at KRIMPEN_POINT. */
export async function buildOffer(
  db: DbOrTrx,
  opts: { tenantId?: string; volunteer?: Actor; now?: Date } & Partial<OfferInput> = {},
): Promise<{ offer: Awaited<ReturnType<typeof saveOffer>>; volunteer: Actor }> {
  const { tenantId = KRIMPEN.id, volunteer: given, now = TEST_NOW, ...over } = opts;
  const volunteer = given ?? (await buildHelpmatchActor(db, tenantId, 'volunteer', now));
  const offer = await saveOffer(
    db,
    tenantId,
    volunteer,
    {
      talents: 'tuinieren',
      categories: ['tuin'],
      slots: [{ weekday: 2, from: '13:00', to: '17:00' }],
      reach: 'cycle3000',
      maxPerMonth: 4,
      languages: ['nl'],
      lon: KRIMPEN_POINT.longitude,
      lat: KRIMPEN_POINT.latitude,
      active: true,
      ...over,
    },
    now,
  );
  return { offer, volunteer };
}

/**
 * A service of the social map through its service functions, with a new social-map organisation
 * unless `organization_id` is given; returns both.
 */
export async function buildService(
  db: DbOrTrx,
  opts: { tenantId?: string; now?: Date } & Partial<ServiceInput> = {},
): Promise<{ service: Service; organization: Organization | null }> {
  const { tenantId = KRIMPEN.id, now = TEST_NOW, ...over } = opts;
  const actor = systemActor(now, tenantId);
  const organization = over.organization_id ? null : await createOrganization(db, tenantId, { name: `Aanbieder ${next()}` }, actor);
  const service = await createService(
    db,
    tenantId,
    { name: `Activiteit ${next()}`, ...over, organization_id: over.organization_id ?? organization!.id },
    actor,
  );
  return { service, organization };
}
