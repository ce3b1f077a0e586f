import { createHash, createHmac, randomInt } from 'node:crypto';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { Conflict, Invalid, NotFound } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { localDate } from '../../../platform/time.ts';
import { getArea } from '../../areas/areas.service.ts';
import { can } from '../policies.ts';
import { MAX_CODES } from './voting.schemas.ts';
import * as store from './voting.store.ts';
import { ballotProblem, computeWinners, tally, type BallotProblem, type Candidate, type WinnerResult } from './winner.ts';

/**
 * Voting on the initiatives of a round (issue 15, docs/initiatives-voting.md): the ballot page, casting a
 * ballot (signed in, or with a paper code), printing a batch of paper codes, and the results with the
 * winner calculation step by step (winner.ts). A ballot keeps a key, never the person: an HMAC of the
 * user id (with the app's secret, per round) or the hash of the paper code.
 */

export type WindowState = 'notYet' | 'open' | 'closed';

export interface RoundView {
  id: string;
  nameNl: string;
  nameEn: string;
  method: 'approval' | 'knapsack';
  opensOn: string;
  closesOn: string;
  budgetCents: number | null;
  isDemo: boolean;
  state: WindowState;
  areas: { code: string; name: string }[];
}

export interface BallotPageModel {
  round: RoundView;
  candidates: (store.BallotApplication & { areaName: string })[];
  /** Signed in with a role in this municipality: may vote without a code. */
  accountVoter: boolean;
  /** The signed-in voter has a ballot in this round already. */
  alreadyVoted: boolean;
}

const PROBLEM_KEY: Record<BallotProblem, MessageKey> = {
  empty: 'initiatives.voting.error.empty',
  duplicate: 'initiatives.voting.error.unknown',
  unknown: 'initiatives.voting.error.unknown',
  overBudget: 'initiatives.voting.error.overBudget',
  noBudget: 'initiatives.voting.error.noBudget',
};

function windowState(round: store.RoundRow, now: Date): WindowState {
  const today = localDate(now);
  if (today < round.votingOpensOn!) return 'notYet';
  if (today > round.votingClosesOn!) return 'closed';
  return 'open';
}

async function loadRound(db: DbOrTrx, tenantId: string, roundId: string, now: Date): Promise<{ row: store.RoundRow; view: RoundView }> {
  const row = await store.findRound(db, tenantId, roundId);
  if (!row || row.voting === 'none' || !row.votingOpensOn || !row.votingClosesOn) throw NotFound();
  const areas: { code: string; name: string }[] = [];
  for (const code of row.areaCodes) areas.push({ code, name: (await getArea(db, tenantId, code))?.name ?? code });
  return {
    row,
    view: {
      id: row.id,
      nameNl: row.nameNl,
      nameEn: row.nameEn,
      method: row.voting,
      opensOn: row.votingOpensOn,
      closesOn: row.votingClosesOn,
      budgetCents: row.votingBudgetCents,
      isDemo: row.isDemo,
      state: windowState(row, now),
      areas,
    },
  };
}

async function withAreaNames(db: DbOrTrx, tenantId: string, apps: store.BallotApplication[]) {
  const names = new Map<string, string>();
  for (const a of apps) if (!names.has(a.areaCode)) names.set(a.areaCode, (await getArea(db, tenantId, a.areaCode))?.name ?? a.areaCode);
  return apps.map((a) => ({ ...a, areaName: names.get(a.areaCode)! }));
}

const asCandidate = (a: store.BallotApplication): Candidate => ({
  id: a.id,
  reference: a.reference,
  title: a.title,
  amountCents: a.requestedCents,
  submittedAt: a.submittedAt,
});

/** The key of a signed-in voter in one round: an HMAC, so the ballot does not name the person. */
export function accountVoterKey(secret: string, tenantId: string, roundId: string, userId: string): string {
  return 'account:' + createHmac('sha256', secret).update(`initiative-vote:${tenantId}:${roundId}:${userId}`).digest('hex');
}

/** A paper code as typed (spaces, dashes, lower case) to its canonical form. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function hashCode(code: string): string {
  return createHash('sha256')
    .update(`initiative-vote-code:${normaliseCode(code)}`)
    .digest('hex');
}

/** Letters and digits that cannot be mistaken for each other on paper (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new paper code: 12 characters (about 59 bits) in groups of four, "ABCD-EFGH-JKMN". */
export function newPaperCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export async function listRounds(db: DbOrTrx, principal: Principal, tenantId: string): Promise<RoundView[]> {
  authorize(can(principal, 'initiative.view', { tenantId }));
  const out: RoundView[] = [];
  for (const r of await store.listVotingRounds(db, tenantId)) out.push((await loadRound(db, tenantId, r.id, principal.now)).view);
  return out;
}

export async function ballotPage(
  db: DbOrTrx,
  principal: Principal,
  secret: string,
  tenantId: string,
  roundId: string,
): Promise<BallotPageModel> {
  authorize(can(principal, 'initiative.view', { tenantId }));
  const { view } = await loadRound(db, tenantId, roundId, principal.now);
  const candidates = await withAreaNames(db, tenantId, await store.listBallotApplications(db, tenantId, roundId));
  const accountVoter = principal.userId !== null && principal.roles.length > 0;
  const alreadyVoted =
    accountVoter && (await store.ballotExists(db, tenantId, roundId, accountVoterKey(secret, tenantId, roundId, principal.userId!)));
  return { round: view, candidates, accountVoter, alreadyVoted };
}

export interface CastInput {
  tenantId: string;
  roundId: string;
  choices: string[];
  /** A paper code; empty: vote with the signed-in account. */
  code: string;
  /** Where a signed-in voter lives (one of the round's areas; ignored when the round has none). */
  area: string;
}

/**
 * Casts one ballot. Refused with a message beside the field, nothing written: outside the voting
 * window, an empty ballot, an initiative not on this round's ballot, over the budget (knapsack), an
 * unknown or used paper code, a voter without a code who is not signed in as a resident of the
 * municipality, a home outside the round's areas, and a second ballot.
 */
export async function castVote(db: DbOrTrx, principal: Principal, secret: string, input: CastInput): Promise<'paper' | 'account'> {
  authorize(can(principal, 'initiative.vote', { tenantId: input.tenantId }));
  const { row, view } = await loadRound(db, input.tenantId, input.roundId, principal.now);
  if (view.state !== 'open') throw Conflict('initiatives.voting.error.closed', { choices: 'initiatives.voting.error.closed' });
  const apps = await store.listBallotApplications(db, input.tenantId, input.roundId);
  const problem = ballotProblem(row.voting as 'approval' | 'knapsack', apps.map(asCandidate), input.choices, row.votingBudgetCents);
  if (problem) throw Invalid({ choices: PROBLEM_KEY[problem] });
  const castOn = localDate(principal.now);
  const code = normaliseCode(input.code);

  if (code !== '') {
    const hash = hashCode(code);
    return inTransaction(db, async (trx) => {
      const found = await store.findVoteCode(trx, input.tenantId, hash);
      if (!found || found.roundId !== input.roundId) throw Invalid({ code: 'initiatives.voting.error.codeUnknown' });
      if (found.used || !(await store.claimVoteCode(trx, input.tenantId, found.id))) {
        throw Conflict('initiatives.voting.error.codeUsed', { code: 'initiatives.voting.error.codeUsed' });
      }
      const ok = await store.insertBallot(trx, {
        tenantId: input.tenantId,
        roundId: input.roundId,
        voterKey: `paper:${hash}`,
        applicationIds: input.choices,
        channel: 'paper',
        castOn,
      });
      if (!ok) throw Conflict('initiatives.voting.error.codeUsed', { code: 'initiatives.voting.error.codeUsed' });
      return 'paper' as const;
    });
  }

  if (principal.userId === null) throw Invalid({ code: 'initiatives.voting.error.codeNeeded' });
  if (principal.roles.length === 0) throw Invalid({ code: 'initiatives.voting.error.notResident' });
  if (row.areaCodes.length > 0 && !row.areaCodes.includes(input.area)) throw Invalid({ area: 'initiatives.voting.error.area' });
  const ok = await store.insertBallot(db, {
    tenantId: input.tenantId,
    roundId: input.roundId,
    voterKey: accountVoterKey(secret, input.tenantId, input.roundId, principal.userId),
    applicationIds: input.choices,
    channel: 'account',
    castOn,
  });
  if (!ok) throw Conflict('initiatives.voting.error.alreadyVoted', { choices: 'initiatives.voting.error.alreadyVoted' });
  return 'account';
}

export interface CodesPageModel {
  round: RoundView;
  counts: { total: number; used: number };
}

export async function codesPage(db: DbOrTrx, principal: Principal, tenantId: string, roundId: string): Promise<CodesPageModel> {
  authorize(can(principal, 'initiative.voteCodes', { tenantId }));
  const { view } = await loadRound(db, tenantId, roundId, principal.now);
  return { round: view, counts: await store.countVoteCodes(db, tenantId, roundId) };
}

/**
 * A new batch of paper codes for a round; the codes are returned once (for the printable page) and
 * only their hashes are kept. Not after the voting closed; the area, when given, is one of the round's.
 */
export async function generateVoteCodes(
  db: DbOrTrx,
  principal: Principal,
  input: { tenantId: string; roundId: string; count: number; areaCode: string | null },
): Promise<{ round: RoundView; codes: string[] }> {
  authorize(can(principal, 'initiative.voteCodes', { tenantId: input.tenantId }));
  const { row, view } = await loadRound(db, input.tenantId, input.roundId, principal.now);
  if (view.state === 'closed') throw Conflict('initiatives.voting.error.closed', { count: 'initiatives.voting.error.closed' });
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_CODES) {
    throw Invalid({ count: 'initiatives.voting.error.count' });
  }
  if (input.areaCode !== null && !row.areaCodes.includes(input.areaCode)) throw Invalid({ area: 'initiatives.voting.error.area' });
  const codes = new Set<string>();
  while (codes.size < input.count) codes.add(newPaperCode());
  const list = [...codes];
  await store.insertVoteCodes(
    db,
    input.tenantId,
    input.roundId,
    list.map((c) => ({ hash: hashCode(c), areaCode: input.areaCode })),
  );
  return { round: view, codes: list };
}

export interface ResultsModel {
  round: RoundView;
  /** Null until the voting has closed. */
  result: (WinnerResult & { ballots: number; paper: number; titles: Record<string, { groupName: string; areaName: string }> }) | null;
}

/** The results, public once the voting window has closed: votes per initiative and the winner calculation. */
export async function resultsPage(db: DbOrTrx, principal: Principal, tenantId: string, roundId: string): Promise<ResultsModel> {
  authorize(can(principal, 'initiative.view', { tenantId }));
  const { view } = await loadRound(db, tenantId, roundId, principal.now);
  if (view.state !== 'closed') return { round: view, result: null };
  const apps = await withAreaNames(db, tenantId, await store.listBallotApplications(db, tenantId, roundId));
  const ballots = await store.listBallots(db, tenantId, roundId);
  const candidates = apps.map(asCandidate);
  const result = computeWinners(
    candidates,
    tally(
      candidates,
      ballots.map((b) => b.applicationIds),
    ),
    view.budgetCents,
  );
  return {
    round: view,
    result: {
      ...result,
      ballots: ballots.length,
      paper: ballots.filter((b) => b.channel === 'paper').length,
      titles: Object.fromEntries(apps.map((a) => [a.id, { groupName: a.groupName, areaName: a.areaName }])),
    },
  };
}
