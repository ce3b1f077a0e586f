/**
 * From signals-core rows to Open311 records (JSON shapes; format.ts writes them as XML too).
 * Codes and ids are strings; times are W3C with offset; no personal data (no reporter fields).
 */
import type { Locale, Translate } from '../../../platform/i18n/index.ts';
import type { CategoryQuestion } from '../signals.tables.ts';
import type { SignalListRow } from '../signals.store.ts';
import { isClosed, isPublicState, type SignalState } from '../workflow.ts';
import { w3cTime } from './format.ts';
import type { PublicCategory } from './open311.store.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The English text when the request asks for English and one is stored (issue 12), else the Dutch one. */
const inLocale = (locale: Locale, nl: string, en: string | undefined) => (locale === 'en' && en ? en : nl);

/** `GET services`: one service per public category, in the request's language where the data has it. */
export function serviceOf(c: PublicCategory, locale: Locale = 'nl') {
  return {
    service_code: c.service_code,
    service_name: inLocale(locale, c.name, c.name_en),
    description: inLocale(locale, c.description, c.description_en) || null,
    metadata: c.questions.length > 0,
    type: 'realtime' as const,
    keywords: null,
    group: inLocale(locale, c.group_name, c.group_name_en),
  };
}

/** One Open311 attribute per extra question (service-definition-attributes.md). */
export function attributeOf(q: CategoryQuestion, order: number, t: Translate, locale: Locale = 'nl') {
  const values =
    q.type === 'yesno'
      ? [
          { key: 'ja', name: t('open311.answer.yes') },
          { key: 'nee', name: t('open311.answer.no') },
        ]
      : q.type === 'select'
        ? (q.options ?? []).map((o, i) => ({ key: o, name: inLocale(locale, o, q.optionsEn?.[i]) }))
        : undefined;
  return {
    variable: true,
    code: q.key,
    datatype: values ? ('singlevaluelist' as const) : ('string' as const),
    required: q.required,
    datatype_description: q.hardStop ? t('open311.attribute.hardStop', { answer: q.hardStop.answer, message: q.hardStop.message }) : null,
    order,
    description: inLocale(locale, q.label, q.labelEn),
    ...(values ? { values } : {}),
  };
}

/** `GET services/{code}`: the service definition. */
export function serviceDefinitionOf(c: PublicCategory, t: Translate, locale: Locale = 'nl') {
  return { service_code: c.service_code, attributes: c.questions.map((q, i) => attributeOf(q, i + 1, t, locale)) };
}

/** A state's public name; internal states show as "in behandeling" (their public face). */
export function publicStateName(state: SignalState, t: Translate): string {
  return t(`signals.state.${isPublicState(state) ? state : 'in_behandeling'}`);
}

/** `GET requests`: one request, without anything about the reporter. */
export function requestOf(s: SignalListRow, agencies: ReadonlyMap<string, string>, t: Translate) {
  return {
    service_request_id: s.public_id,
    status: isClosed(s.state) ? ('closed' as const) : ('open' as const),
    status_notes: publicStateName(s.state, t),
    service_name: s.category_name,
    service_code: s.service_code,
    description: s.description,
    agency_responsible: s.organisation_id ? (agencies.get(s.organisation_id) ?? null) : null,
    service_notice: null,
    requested_datetime: w3cTime(s.created_at),
    updated_datetime: w3cTime(s.closed_at ?? s.updated_at),
    expected_datetime: s.deadline_at ? w3cTime(s.deadline_at) : null,
    address: s.address,
    address_id: null,
    zipcode: null,
    lat: s.latitude,
    long: s.longitude,
    media_url: null,
  };
}

/** mySociety's extended status of a state (lower case in GET servicerequestupdates). */
export const EXTENDED_STATUS: Readonly<Record<SignalState, string>> = {
  gemeld: 'open',
  in_behandeling: 'in_progress',
  ingepland: 'action_scheduled',
  on_hold: 'in_progress',
  reactie_gevraagd: 'investigating',
  afgehandeld: 'fixed',
  geannuleerd: 'closed',
  heropend: 'reopen',
};

/** `GET servicerequestupdates`: one public step. */
export function updateOf(u: { id: string; to_state: SignalState; created_at: Date; public_id: string }, t: Translate) {
  return {
    update_id: u.id,
    service_request_id: u.public_id,
    status: EXTENDED_STATUS[u.to_state],
    updated_datetime: w3cTime(u.created_at),
    description: publicStateName(u.to_state, t),
    media_url: null,
  };
}
