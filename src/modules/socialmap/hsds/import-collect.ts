/**
 * Walk an HSDS JSON dataset (one object, an array, a Page, or our full export) and collect flat
 * rows per table, filling in parent ids from the nesting. The same id met twice is merged (HSDS
 * JSON repeats shared objects: one phone under a service and its location).
 */
import type { MessageKey } from '../../../platform/i18n/index.ts';

type Json = Record<string, unknown>;
export type Kind =
  | 'organization'
  | 'service'
  | 'location'
  | 'service_at_location'
  | 'address'
  | 'phone'
  | 'schedule'
  | 'schedule_exception'
  | 'accessibility'
  | 'language'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'attribute';

export const KINDS: readonly Kind[] = [
  'taxonomy',
  'taxonomy_term',
  'organization',
  'location',
  'address',
  'accessibility',
  'service',
  'service_at_location',
  'phone',
  'language',
  'schedule',
  'schedule_exception',
  'attribute',
];

/** Nested arrays HSDS has but this model does not store (reported as ignored). */
const IGNORED = [
  'contacts',
  'funding',
  'cost_options',
  'program',
  'programs',
  'required_documents',
  'service_areas',
  'metadata',
  'organization_identifiers',
];

export interface Problem {
  kind: Kind | 'dataset';
  id: string | null;
  field: string;
  message: MessageKey;
}

export interface Collected {
  rows: Map<Kind, Map<string, Json>>;
  problems: Problem[];
  ignored: Record<string, number>;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Guess the kind of a top-level object. */
function kindOf(o: Json): Kind {
  if ('status' in o) return 'service';
  if ('location_type' in o) return 'location';
  if (('location' in o && 'service' in o) || ('service_id' in o && 'location_id' in o && !('number' in o))) return 'service_at_location';
  if ('taxonomy_detail' in o || 'term_uri' in o || 'taxonomy_id' in o || 'parent_id' in o || 'code' in o || 'taxonomy' in o) {
    return 'taxonomy_term';
  }
  if (('version' in o || 'uri' in o) && !('website' in o) && !('email' in o)) return 'taxonomy';
  return 'organization';
}

export function collect(data: unknown): Collected {
  const rows = new Map<Kind, Map<string, Json>>(KINDS.map((k) => [k, new Map()]));
  const problems: Problem[] = [];
  const ignored: Record<string, number> = {};
  let anon = 0;

  function put(kind: Kind, o: Json, parent: Json = {}): string | null {
    let id = typeof o.id === 'string' ? o.id : null;
    if (!id) {
      if (kind === 'schedule_exception') id = `exception-${++anon}`;
      else {
        problems.push({ kind, id: null, field: 'id', message: 'socialmap.import.missingId' });
        return null;
      }
    }
    const flat: Json = {};
    for (const [k, v] of Object.entries(o)) if (!isObj(v) && !Array.isArray(v)) flat[k] = v;
    for (const [k, v] of Object.entries(parent)) if (flat[k] === undefined || flat[k] === null) flat[k] = v;
    const table = rows.get(kind)!;
    const existing = table.get(id);
    if (existing) {
      for (const [k, v] of Object.entries(flat)) {
        if ((existing[k] === undefined || existing[k] === null) && v !== null && v !== undefined) existing[k] = v;
      }
    } else table.set(id, flat);
    for (const key of IGNORED) {
      const v = o[key];
      if (Array.isArray(v) ? v.length > 0 : isObj(v)) ignored[key] = (ignored[key] ?? 0) + (Array.isArray(v) ? v.length : 1);
    }
    return id;
  }
  const each = (v: unknown, fn: (o: Json) => void) => {
    if (Array.isArray(v)) for (const x of v) if (isObj(x)) fn(x);
  };

  function phone(o: Json, parent: Json) {
    const id = put('phone', o, parent);
    if (id) each(o.languages, (l) => put('language', l, { phone_id: id }));
  }
  function schedule(o: Json, parent: Json) {
    const id = put('schedule', o, parent);
    if (id) each(o.cancelled_dates, (e) => put('schedule_exception', e, { schedule_id: id }));
  }
  function attributes(v: unknown, linkId: string, entity: string) {
    each(v, (a) => {
      let termId = typeof a.taxonomy_term_id === 'string' ? a.taxonomy_term_id : null;
      if (isObj(a.taxonomy_term)) termId = term(a.taxonomy_term) ?? termId;
      put('attribute', a, { link_id: linkId, link_entity: entity, ...(termId ? { taxonomy_term_id: termId } : {}) });
    });
  }
  function term(o: Json): string | null {
    let taxonomyId = typeof o.taxonomy_id === 'string' ? o.taxonomy_id : null;
    if (isObj(o.taxonomy_detail)) taxonomyId = put('taxonomy', o.taxonomy_detail) ?? taxonomyId;
    return put('taxonomy_term', o, taxonomyId ? { taxonomy_id: taxonomyId } : {});
  }
  function location(o: Json, parent: Json = {}): string | null {
    const id = put('location', o, parent);
    if (!id) return null;
    each(o.addresses, (a) => put('address', a, { location_id: id }));
    each(o.accessibility, (a) => put('accessibility', a, { location_id: id }));
    each(o.languages, (l) => put('language', l, { location_id: id }));
    each(o.phones, (p) => phone(p, { location_id: id }));
    each(o.schedules, (s) => schedule(s, { location_id: id }));
    attributes(o.attributes, id, 'location');
    return id;
  }
  function sal(o: Json, parent: Json = {}): string | null {
    let locationId = typeof o.location_id === 'string' ? o.location_id : null;
    if (isObj(o.location)) locationId = location(o.location) ?? locationId;
    let serviceId = typeof o.service_id === 'string' ? o.service_id : null;
    if (isObj(o.service)) serviceId = service(o.service) ?? serviceId;
    const id = put('service_at_location', o, {
      ...parent,
      ...(locationId ? { location_id: locationId } : {}),
      ...(serviceId ? { service_id: serviceId } : {}),
    });
    if (!id) return null;
    each(o.phones, (p) => phone(p, { service_at_location_id: id }));
    each(o.schedules, (s) => schedule(s, { service_at_location_id: id }));
    attributes(o.attributes, id, 'service_at_location');
    return id;
  }
  function service(o: Json, parent: Json = {}): string | null {
    let orgId = typeof o.organization_id === 'string' ? o.organization_id : null;
    if (isObj(o.organization)) orgId = organization(o.organization) ?? orgId;
    const id = put('service', o, { ...parent, ...(orgId ? { organization_id: orgId } : {}) });
    if (!id) return null;
    each(o.phones, (p) => phone(p, { service_id: id }));
    each(o.schedules, (s) => schedule(s, { service_id: id }));
    each(o.languages, (l) => put('language', l, { service_id: id }));
    each(o.service_at_locations, (s) => sal(s, { service_id: id }));
    attributes(o.attributes, id, 'service');
    return id;
  }
  function organization(o: Json): string | null {
    const id = put('organization', o);
    if (!id) return null;
    each(o.phones, (p) => phone(p, { organization_id: id }));
    each(o.locations, (l) => location(l, { organization_id: id }));
    each(o.services, (s) => service(s, { organization_id: id }));
    attributes(o.attributes, id, 'organization');
    return id;
  }
  const top = (o: Json) => {
    const kind = kindOf(o);
    if (kind === 'service') service(o);
    else if (kind === 'location') location(o);
    else if (kind === 'service_at_location') sal(o);
    else if (kind === 'taxonomy_term') term(o);
    else if (kind === 'taxonomy') put('taxonomy', o);
    else organization(o);
  };

  if (Array.isArray(data)) each(data, top);
  else if (isObj(data) && Array.isArray(data.contents)) each(data.contents, top);
  else if (
    isObj(data) &&
    !('id' in data) &&
    ['organizations', 'services', 'locations', 'taxonomies', 'taxonomy_terms'].some((k) => Array.isArray(data[k]))
  ) {
    each(data.taxonomies, (t) => put('taxonomy', t));
    each(data.taxonomy_terms, (t) => term(t));
    each(data.organizations, organization);
    each(data.locations, (l) => location(l));
    each(data.services, (s) => service(s));
  } else if (isObj(data)) top(data);
  else problems.push({ kind: 'dataset', id: null, field: 'file', message: 'socialmap.import.notHsds' });
  return { rows, problems, ignored };
}
