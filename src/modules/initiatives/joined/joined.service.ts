/**
 * Joined up (issue 15, scope 6): a wijkschouw finding, a white spot on the social map or a knelpunt
 * in the wijkperspectief becomes a call for initiatives; open calls show on the fund page and the
 * neighbourhood page and link to the apply form with the call filled in.
 */
import { authorize, type Principal } from '../../../platform/principal.ts';
import { AppError, Invalid, NotFound } from '../../../platform/errors.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { localDate } from '../../../platform/time.ts';
import { descendantCodes, getArea, listAreas } from '../../areas/areas.service.ts';
import { knelpuntenOf } from '../../monitor/monitor.service.ts';
import { wijkschouwFindings } from '../../signals/wijkschouw/wijkschouw.service.ts';
import { tenantCoverage } from '../../socialmap/keep/keep.coverage.ts';
import type { CoverageQuestion } from '../../socialmap/section/coverage.ts';
import { can } from '../policies.ts';
import * as store from './joined.store.ts';

export type CallOrigin = store.CallOrigin;

export interface CallView {
  id: string;
  fundId: string;
  fundName: string;
  fundSlug: string;
  origin: CallOrigin;
  areaCode: string | null;
  title: string;
  text: string;
  closesOn: string | null;
  isDemo: boolean;
}

const pick = (locale: Locale, nl: string, en: string) => (locale === 'en' && en !== '' ? en : nl);

export function callView(r: store.CallRow, locale: Locale): CallView {
  return {
    id: r.id,
    fundId: r.fund_id,
    fundName: r.fund_name,
    fundSlug: r.fund_slug,
    origin: r.origin,
    areaCode: r.area_code,
    title: pick(locale, r.title_nl, r.title_en),
    text: pick(locale, r.text_nl, r.text_en),
    closesOn: r.closes_on,
    isDemo: r.is_demo,
  };
}

/** Where the apply form of the call's fund is, with the call filled in (apply/, issue 15). */
export const applyHref = (slug: string, fundSlug: string, callId: string) => `/${slug}/samen-doen/${fundSlug}/aanvragen?oproep=${callId}`;

/** Something a professional can turn into a call: a finding, a white spot or a knelpunt. */
export type CallSource =
  | { origin: 'wijkschouw'; ref: string; areaCode: string; label: string; detail: string }
  | { origin: 'white_spot'; ref: string; areaCode: string; question: CoverageQuestion; areaName: string }
  | { origin: 'knelpunt'; ref: string; areaCode: string; label: string; isDemo: boolean };

/** A source the principal may not read gives nothing (a professional does not see the coverage matrix). */
async function orNothing<T>(p: Promise<T[]>): Promise<T[]> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && (e.status === 403 || e.status === 404)) return [];
    throw e;
  }
}

/** The sources in a wijk (and its buurten) that can become a call. */
export async function callSources(db: DbOrTrx, principal: Principal, tenantId: string, wijk: string): Promise<CallSource[]> {
  authorize(can(principal, 'initiative.calls.manage', { tenantId }));
  const area = await getArea(db, tenantId, wijk);
  if (!area || area.level !== 'district') throw NotFound();
  const codes = await descendantCodes(db, tenantId, wijk);
  const [findings, matrix, knelpunten] = await Promise.all([
    orNothing(wijkschouwFindings(db, tenantId, principal, codes)),
    orNothing(tenantCoverage(db, principal).then((m) => m.rows.filter((r) => codes.includes(r.area.code)))),
    orNothing(knelpuntenOf(db, principal, tenantId, wijk)),
  ]);
  return [
    ...findings.map((f): CallSource => ({
      origin: 'wijkschouw',
      ref: f.publicId,
      areaCode: f.area,
      label: f.category,
      detail: `${f.sessionTitle} (${f.walkDate})`,
    })),
    ...matrix.flatMap((r) =>
      r.whiteSpots.questions.map((q): CallSource => ({
        origin: 'white_spot',
        ref: `${r.area.code}:${q}`,
        areaCode: r.area.code,
        question: q,
        areaName: r.area.name,
      })),
    ),
    ...knelpunten.map((k, i): CallSource => ({
      origin: 'knelpunt',
      ref: `${wijk}:${k.createdOn}:${i + 1}`,
      areaCode: wijk,
      label: k.text,
      isDemo: k.isDemo,
    })),
  ];
}

export interface CallsPage {
  calls: CallView[];
  funds: { id: string; name: string }[];
  wijken: { code: string; name: string }[];
  areaNames: Map<string, string>;
  /** Today (the app's clock): a call is open until and including its closing day. */
  today: string;
}

/** Staff's page of calls: every call, the active funds and the wijken. */
export async function callsPage(db: DbOrTrx, principal: Principal, tenantId: string, locale: Locale): Promise<CallsPage> {
  authorize(can(principal, 'initiative.calls.manage', { tenantId }));
  const [calls, funds, areas] = await Promise.all([
    store.listCalls(db, tenantId, 200),
    store.activeFunds(db, tenantId),
    listAreas(db, tenantId),
  ]);
  return {
    calls: calls.map((c) => callView(c, locale)),
    funds: funds.map((f) => ({ id: f.id, name: f.name_nl })),
    wijken: areas.filter((a) => a.level === 'district').map((a) => ({ code: a.code, name: a.name })),
    areaNames: new Map(areas.map((a) => [a.code, a.name])),
    today: localDate(principal.now),
  };
}

export interface NewCall {
  tenantId: string;
  fundId: string;
  origin: CallOrigin;
  originRef: string;
  areaCode: string;
  title: string;
  text: string;
}

/** A professional or coordinator opens a call for initiatives for a fund (and an area, or the whole municipality: ''). */
export async function createCall(db: DbOrTrx, principal: Principal, input: NewCall): Promise<string> {
  authorize(can(principal, 'initiative.calls.manage', { tenantId: input.tenantId }));
  const funds = await store.activeFunds(db, input.tenantId);
  if (!funds.some((f) => f.id === input.fundId)) throw Invalid({ fund: 'initiatives.joined.error.fund' });
  if (input.areaCode !== '' && !(await getArea(db, input.tenantId, input.areaCode))) {
    throw Invalid({ area: 'initiatives.joined.error.area' });
  }
  return store.insertCall(db, {
    tenantId: input.tenantId,
    fundId: input.fundId,
    origin: input.origin,
    originRef: input.originRef,
    areaCode: input.areaCode === '' ? null : input.areaCode,
    title: input.title,
    text: input.text,
  });
}

/**
 * Open calls (public): of a fund (the fund page), or for areas (the neighbourhood page: the area,
 * the areas below it and — with `withMunicipal` — the municipality-wide ones).
 */
export async function openCallsFor(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; fundId?: string; areaCodes?: readonly string[]; withMunicipal?: boolean; locale: Locale },
): Promise<CallView[]> {
  authorize(can(principal, 'initiative.view'));
  const rows = await store.openCalls(db, args.tenantId, {
    today: localDate(principal.now),
    areaCodes: args.areaCodes ?? null,
    ...(args.withMunicipal ? { withMunicipal: true } : {}),
    ...(args.fundId ? { fundId: args.fundId } : {}),
  });
  return rows.map((r) => callView(r, args.locale));
}

/** One open call, for the apply form to fill in its fund, area and title (apply/). NotFound when closed or unknown. */
export async function openCall(db: DbOrTrx, principal: Principal, tenantId: string, id: string, locale: Locale): Promise<CallView> {
  authorize(can(principal, 'initiative.view'));
  const row = await store.findCall(db, tenantId, id);
  if (!row || (row.closes_on !== null && row.closes_on < localDate(principal.now))) throw NotFound();
  return callView(row, locale);
}

/** What the "samen doen" section of the neighbourhood page stores per area (plain JSON, counts only). */
export interface TogetherSummary {
  applied: number;
  funded: number;
  carriedOut: number;
  participants: number;
  grantedCents: number;
  /** Some of the counted applications are demo data (invented). */
  demo: boolean;
  initiatives: { reference: string; title: string; groupName: string; grantedCents: number | null; carriedOut: boolean; isDemo: boolean }[];
  calls: { id: string; title: string; fundName: string; fundSlug: string; closesOn: string | null; isDemo: boolean }[];
}

/** How many funded initiatives and open calls the section lists. */
export const SECTION_LIST = 10;

/** The figures of an area for the area-summaries job (no principal: public counts, no personal data). */
export async function togetherSummary(
  db: DbOrTrx,
  args: { tenantId: string; level: 'municipality' | 'district' | 'neighbourhood'; areaCodes: readonly string[]; now: Date },
): Promise<TogetherSummary> {
  const [f, funded, calls] = await Promise.all([
    store.areaFigures(db, args.tenantId, args.areaCodes),
    store.fundedIn(db, args.tenantId, args.areaCodes, SECTION_LIST),
    store.openCalls(db, args.tenantId, {
      today: localDate(args.now),
      areaCodes: args.areaCodes,
      withMunicipal: args.level === 'municipality',
      limit: SECTION_LIST,
    }),
  ]);
  return {
    applied: f.applied,
    funded: f.funded,
    carriedOut: f.carried_out,
    participants: f.participants,
    grantedCents: f.granted_cents,
    demo: f.demo > 0,
    initiatives: funded.map((r) => ({
      reference: r.reference,
      title: r.title,
      groupName: r.group_name,
      grantedCents: r.granted_cents,
      carriedOut: r.carried_out,
      isDemo: r.is_demo,
    })),
    calls: calls.map((c) => ({
      id: c.id,
      title: c.title_nl,
      fundName: c.fund_name,
      fundSlug: c.fund_slug,
      closesOn: c.closes_on,
      isDemo: c.is_demo,
    })),
  };
}
