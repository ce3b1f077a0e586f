/**
 * Standardised project monitoring (issue 14, Krimpen §10): invitations by personal code (link) or
 * on paper (entered by a volunteer), one response per code in one transaction, the effects form
 * only once the project has ended, and the results per card and per programme: expectations and
 * effects side by side per question, residents and professionals apart only when every group that
 * answered has at least MIN_GROUP answers (otherwise a small group could be read off the total).
 */
import { AppError, Conflict, Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { isUuid } from '../../../platform/ids.ts';
import { isMultiLine, normaliseMultiLine } from '../../../platform/input.ts';
import { localDate } from '../../../platform/time.ts';
import { codeHash, formatCode, newCode, normaliseCode } from './monitoring.codes.ts';
import { can } from '../policies.ts';
import {
  MAX_OPEN,
  MIN_GROUP,
  PHASES,
  ROLES,
  SCALE_KEYS,
  SCALE_VALUES,
  scaleKeysOf,
  type Phase,
  type RespondentRole,
  type ScaleKey,
} from './monitoring.questions.ts';
import * as store from './monitoring.store.ts';

export const MAX_CODES = 200;

export interface ProjectHead {
  id: string;
  programmeSlug: string;
  programmeTitle: string;
  number: string;
  title: string;
  /** The day the project ended or ends (actual end, else planned end); null: open-ended. */
  endDay: string | null;
}

export interface MonitorForm {
  project: ProjectHead;
  phase: Phase;
  role: RespondentRole;
  scaleKeys: readonly ScaleKey[];
}

function headOf(p: store.ProjectRef, locale: string): ProjectHead {
  const english = locale === 'en';
  return {
    id: p.id,
    programmeSlug: p.programme_slug,
    programmeTitle: english && p.programme_title_en ? p.programme_title_en : p.programme_title_nl,
    number: p.number,
    title: english && p.title_en ? p.title_en : p.title_nl,
    endDay: p.actual_end ?? p.planned_end,
  };
}

async function project(db: DbOrTrx, tenantId: string, id: string): Promise<store.ProjectRef> {
  const p = isUuid(id) ? await store.projectById(db, tenantId, id) : undefined;
  if (!p) throw NotFound();
  return p;
}

const facts = (tenantId: string, p: store.ProjectRef) => ({ tenantId, organisationIds: [p.owner_organisation_id] });

/** The project of a staff page (invitations, paper entry, results), when the principal may see it. */
export async function monitoredProject(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  id: string,
  locale: string,
): Promise<ProjectHead> {
  const p = await project(db, tenantId, id);
  authorize(can(principal, 'project.monitor.results', facts(tenantId, p)) || can(principal, 'project.monitor.invite', facts(tenantId, p)));
  return headOf(p, locale);
}

/**
 * Make `count` invitations for one phase and group; the codes come back formatted (`ABCDE-FGHJK`)
 * and are shown once: only their hashes are kept.
 */
export async function makeInvitations(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; projectId: string; phase: Phase; role: RespondentRole; kind: 'link' | 'paper'; count: number },
  bytes?: (n: number) => Uint8Array,
): Promise<string[]> {
  const p = await project(db, args.tenantId, args.projectId);
  authorize(can(principal, 'project.monitor.invite', facts(args.tenantId, p)));
  if (!Number.isInteger(args.count) || args.count < 1 || args.count > MAX_CODES) {
    throw Invalid({ count: 'programmes.monitoring.error.count' });
  }
  const codes = Array.from({ length: args.count }, () => newCode(bytes));
  await store.insertInvitations(
    db,
    codes.map((c) => ({
      tenant_id: args.tenantId,
      project_id: p.id,
      phase: args.phase,
      respondent_role: args.role,
      kind: args.kind,
      code_hash: codeHash(c),
      created_at: principal.now,
    })),
  );
  return codes.map(formatCode);
}

/** Refuse the effects form while the project has not ended (end day after today on the app's clock), or has no end day. */
function assertOpen(phase: Phase, head: ProjectHead, today: string): void {
  if (phase !== 'effect') return;
  if (head.endDay === null) {
    throw new AppError(409, 'conflict', 'programmes.monitoring.error.noEnd', { code: 'programmes.monitoring.error.noEnd' });
  }
  if (head.endDay > today) {
    throw new AppError(
      409,
      'conflict',
      'programmes.monitoring.error.notEnded',
      { code: 'programmes.monitoring.error.notEnded' },
      { end: head.endDay },
    );
  }
}

async function invitation(db: DbOrTrx, tenantId: string, code: string, paper: boolean) {
  const c = normaliseCode(code);
  const inv = c ? await store.invitationByHash(db, tenantId, codeHash(c)) : undefined;
  if (!inv || (paper && inv.kind !== 'paper')) throw Invalid({ code: 'programmes.monitoring.error.codeUnknown' });
  if (inv.used) throw Conflict('programmes.monitoring.error.codeUsed', { code: 'programmes.monitoring.error.codeUsed' });
  return { inv, hash: codeHash(c!) };
}

/** The form a code opens (field error on `code` for an unknown or used code; the effects form only after the end). */
export async function formByCode(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; code: string; paper?: boolean; locale: string },
): Promise<MonitorForm> {
  const paper = args.paper === true;
  authorize(can(principal, paper ? 'project.monitor.enterPaper' : 'project.monitor.respond', { tenantId: args.tenantId }));
  const { inv } = await invitation(db, args.tenantId, args.code, paper);
  const head = headOf(await project(db, args.tenantId, inv.project_id), args.locale);
  assertOpen(inv.phase, head, localDate(principal.now));
  return { project: head, phase: inv.phase, role: inv.respondent_role, scaleKeys: scaleKeysOf(inv.phase) };
}

/** Read the answers: each scale 1-5 (on paper a question may be left empty), the open answer optional. */
export function readAnswers(
  phase: Phase,
  body: Record<string, unknown>,
  opts: { emptyAllowed: boolean },
): { answers: Record<string, number | string | null>; fields: FieldErrors } {
  const answers: Record<string, number | string | null> = {};
  const fields: FieldErrors = {};
  for (const key of scaleKeysOf(phase)) {
    const raw = body[key];
    const v = typeof raw === 'string' ? raw.trim() : '';
    if (v === '') {
      if (opts.emptyAllowed) answers[key] = null;
      else fields[key] = 'programmes.monitoring.error.scale';
    } else if ((SCALE_VALUES as readonly string[]).includes(v)) answers[key] = Number(v);
    else fields[key] = 'programmes.monitoring.error.scale';
  }
  const open = typeof body.open === 'string' ? normaliseMultiLine(body.open).trim() : '';
  if (open.length > MAX_OPEN || !isMultiLine(open)) fields.open = 'programmes.monitoring.error.open';
  else answers.open = open === '' ? null : open;
  return { answers, fields };
}

/**
 * Store one answered form. The code is used in the same transaction as the response is written:
 * a second answer with the same invitation is refused (Conflict), and nothing is half-written.
 */
export async function submitMonitoring(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; code: string; body: Record<string, unknown>; paper?: boolean; locale: string },
): Promise<void> {
  const paper = args.paper === true;
  authorize(can(principal, paper ? 'project.monitor.enterPaper' : 'project.monitor.respond', { tenantId: args.tenantId }));
  const { inv, hash } = await invitation(db, args.tenantId, args.code, paper);
  const head = headOf(await project(db, args.tenantId, inv.project_id), args.locale);
  const today = localDate(principal.now);
  assertOpen(inv.phase, head, today);
  const { answers, fields } = readAnswers(inv.phase, args.body, { emptyAllowed: paper });
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  await inTransaction(db, async (trx) => {
    if (!(await store.claimInvitation(trx, args.tenantId, hash))) {
      throw Conflict('programmes.monitoring.error.codeUsed', { code: 'programmes.monitoring.error.codeUsed' });
    }
    await store.insertResponse(trx, {
      tenant_id: args.tenantId,
      project_id: inv.project_id,
      phase: inv.phase,
      respondent_role: inv.respondent_role,
      channel: paper ? 'paper' : 'link',
      answers: JSON.stringify(answers) as never,
      submitted_on: today,
      is_demo: false,
    });
  });
}

/** A mean over n answers; `value` null when n is 0 or the group is too small to show. */
export interface Cell {
  n: number;
  mean: number | null;
  suppressed: boolean;
}

export interface ComparedQuestion {
  key: ScaleKey;
  /** Per phase: all respondents, and per group when every group that answered is large enough. */
  expectation: Record<'all' | RespondentRole, Cell> | null;
  effect: Record<'all' | RespondentRole, Cell>;
}

export interface MonitoringResults {
  counts: Record<Phase, Record<'all' | RespondentRole, number>>;
  questions: ComparedQuestion[];
  /** Open answers per phase, shown when the phase has at least MIN_GROUP responses (sorted, no order of arrival). */
  open: Record<Phase, string[] | null>;
  hasDemo: boolean;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function cell(values: number[], show: boolean): Cell {
  const n = values.length;
  if (n === 0) return { n, mean: null, suppressed: false };
  if (!show) return { n, mean: null, suppressed: true };
  return { n, mean: round1(values.reduce((a, b) => a + b, 0) / n), suppressed: false };
}

/** Expectations and effects side by side, from the responses given. */
export function compare(rows: readonly store.ResponseRow[]): MonitoringResults {
  const counts = Object.fromEntries(
    PHASES.map((ph) => {
      const of = rows.filter((r) => r.phase === ph);
      return [
        ph,
        {
          all: of.length,
          resident: of.filter((r) => r.respondent_role === 'resident').length,
          professional: of.filter((r) => r.respondent_role === 'professional').length,
        },
      ];
    }),
  ) as MonitoringResults['counts'];
  const phaseCells = (ph: Phase, key: ScaleKey): Record<'all' | RespondentRole, Cell> => {
    const of = rows.filter((r) => r.phase === ph);
    const vals = (role?: RespondentRole) =>
      of.filter((r) => !role || r.respondent_role === role).flatMap((r) => (typeof r.answers[key] === 'number' ? [r.answers[key]] : []));
    // Groups apart only when each group that answered has MIN_GROUP answers (else the other group's figure and the total give it away).
    const groupsShown = ROLES.every((role) => counts[ph][role] === 0 || counts[ph][role] >= MIN_GROUP);
    return {
      all: cell(vals(), counts[ph].all >= MIN_GROUP),
      resident: cell(vals('resident'), groupsShown),
      professional: cell(vals('professional'), groupsShown),
    };
  };
  const keys = scaleKeysOf('effect');
  const questions = keys.map((key) => ({
    key,
    expectation: (SCALE_KEYS as readonly string[]).includes(key) ? phaseCells('expectation', key) : null,
    effect: phaseCells('effect', key),
  }));
  const open = Object.fromEntries(
    PHASES.map((ph) => [
      ph,
      counts[ph].all >= MIN_GROUP
        ? rows
            .filter((r) => r.phase === ph && typeof r.answers.open === 'string')
            .map((r) => r.answers.open as string)
            .sort((a, b) => a.localeCompare(b, 'nl'))
        : null,
    ]),
  ) as MonitoringResults['open'];
  return { counts, questions, open, hasDemo: rows.some((r) => r.is_demo) };
}

export interface ProjectMonitoringPage {
  project: ProjectHead;
  results: MonitoringResults;
  invitations: { phase: Phase; role: RespondentRole; kind: 'link' | 'paper'; made: number; used: number }[];
  canInvite: boolean;
  canSeeResults: boolean;
  /** The effects form can be answered now (the project has ended). */
  effectOpen: boolean;
}

/** A card's monitoring: invitations made and used, and (for staff with results rights) the results side by side. */
export async function projectMonitoring(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  projectId: string,
  locale: string,
): Promise<ProjectMonitoringPage> {
  const p = await project(db, tenantId, projectId);
  const canInvite = can(principal, 'project.monitor.invite', facts(tenantId, p));
  const canSeeResults = can(principal, 'project.monitor.results', facts(tenantId, p));
  authorize(canInvite || canSeeResults);
  const head = headOf(p, locale);
  const today = localDate(principal.now);
  const rows = canSeeResults ? await store.responsesOf(db, tenantId, [p.id]) : [];
  const inv = await store.invitationCounts(db, tenantId, p.id);
  return {
    project: head,
    results: compare(rows),
    invitations: inv.map((r) => ({ phase: r.phase, role: r.respondent_role, kind: r.kind, made: Number(r.made), used: Number(r.used) })),
    canInvite,
    canSeeResults,
    effectOpen: head.endDay !== null && head.endDay <= today,
  };
}

export interface ProgrammeMonitoringPage {
  programme: { slug: string; title: string };
  /** All the programme's cards together. */
  total: MonitoringResults;
  cards: { project: ProjectHead; counts: MonitoringResults['counts']; added: ComparedQuestion | null }[];
}

/** The programme's cards together: responses pooled per question, and per card the counts and the first question. */
export async function programmeMonitoring(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  slug: string,
  locale: string,
): Promise<ProgrammeMonitoringPage> {
  authorize(can(principal, 'project.monitor.results', { tenantId }));
  const g = await store.programmeBySlug(db, tenantId, slug);
  if (!g) throw NotFound();
  const cards = await store.projectsOfProgramme(db, tenantId, g.id);
  const rows = await store.responsesOf(
    db,
    tenantId,
    cards.map((c) => c.id),
  );
  return {
    programme: { slug: g.slug, title: locale === 'en' && g.title_en ? g.title_en : g.title_nl },
    total: compare(rows),
    cards: cards.map((c) => {
      const r = compare(rows.filter((x) => x.project_id === c.id));
      return { project: headOf(c, locale), counts: r.counts, added: r.questions[0] ?? null };
    }),
  };
}
