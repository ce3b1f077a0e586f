/**
 * Search synonyms per municipality: a resident's words that also find other words ("koffie" also
 * finds "inloop", "samen eten" also finds "eettafel"). Coordinators (and the admin: a setting, like
 * the categories) keep the list; the search reads it for everyone. Changes are audited.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { audit, type Actor } from '../actor.ts';
import { can } from '../policies.ts';
import * as store from './find.synonyms.store.ts';

export const SYNONYM_WORD_MAX = 60;
export const SYNONYM_ALTERNATIVES_MAX = 300;
/** At most this many alternatives per word, and per search. */
export const SYNONYM_ALTERNATIVES_COUNT = 10;

export interface Synonym {
  id: string;
  word: string;
  alternatives: string[];
}

/** Sensible defaults (the demo municipalities get them): words residents use → words the entries use. */
export const DEFAULT_SYNONYMS: readonly (readonly [word: string, alternatives: string])[] = [
  ['koffie', 'inloop, huiskamer, soos, inloopspreekuur'],
  ['samen eten', 'eettafel, maaltijd'],
  ['bewegen', 'beweegtuin, valpreventie, wandeling'],
  ['wandelen', 'wandeling, beweegtuin'],
  ['spreekuur', 'inloopspreekuur, wijkspreekuur, informatiepunt'],
  ['eenzaam', 'ontmoeting, huiskamer, maatje, inloop'],
  ['bingo', 'soos, sjoelen'],
  ['boodschappen', 'klusjes, maatje'],
  ['mantelzorg', 'mantelzorgcafé, mantelzorgers'],
];

function toSynonym(r: store.SynonymRow): Synonym {
  return { id: r.id, word: r.word, alternatives: splitAlternatives(r.alternatives) };
}

/** "inloop, huiskamer" → ["inloop", "huiskamer"] (empty parts dropped, each once). */
export function splitAlternatives(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** Words only, lower case, single spaces, padded with a space on both sides (for whole-word matching). */
function padded(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * The other texts to search for as well: for each synonym whose word occurs (as whole words) in
 * the resident's words, the words with it replaced by each alternative. Pure; at most
 * SYNONYM_ALTERNATIVES_COUNT texts.
 */
export function expandWithSynonyms(text: string, synonyms: readonly Pick<Synonym, 'word' | 'alternatives'>[]): string[] {
  const words = padded(text);
  if (!words.trim()) return [];
  const out = new Set<string>();
  for (const s of synonyms) {
    const w = padded(s.word);
    if (!w.trim() || !words.includes(w)) continue;
    for (const a of s.alternatives) out.add(words.replace(w, ` ${a} `).trim().replace(/\s+/g, ' '));
  }
  out.delete(words.trim());
  return [...out].slice(0, SYNONYM_ALTERNATIVES_COUNT);
}

/** The municipality's synonyms, by word (public: the search uses them for everyone). */
export async function listSynonyms(db: DbOrTrx, tenantId: string): Promise<Synonym[]> {
  return (await store.listSynonymRows(db, tenantId)).map(toSynonym);
}

/** The extra texts the search looks for with these words (see expandWithSynonyms). */
export async function searchAlternatives(db: DbOrTrx, tenantId: string, text: string): Promise<string[]> {
  if (!text.trim()) return [];
  return expandWithSynonyms(text, await listSynonyms(db, tenantId));
}

/** The synonym to edit, or NotFound. */
export async function getSynonym(db: DbOrTrx, principal: Principal, tenantId: string, id: string): Promise<Synonym> {
  authorize(can(principal, 'socialmap.categories', { tenantId }));
  const row = isUuid(id) ? await store.findSynonymRow(db, tenantId, id) : undefined;
  if (!row) throw NotFound('socialmap.synonyms.notFound');
  return toSynonym(row);
}

function checked(input: { word: string; alternatives: string }): { word: string; alternatives: string } {
  const word = input.word.trim().toLowerCase().replace(/\s+/g, ' ');
  const alternatives = splitAlternatives(input.alternatives);
  const errors: Record<string, 'socialmap.synonyms.error.word' | 'socialmap.synonyms.error.alternatives'> = {};
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f]/;
  if (word.length < 2 || word.length > SYNONYM_WORD_MAX || control.test(word)) errors.word = 'socialmap.synonyms.error.word';
  if (
    alternatives.length === 0 ||
    alternatives.length > SYNONYM_ALTERNATIVES_COUNT ||
    input.alternatives.length > SYNONYM_ALTERNATIVES_MAX ||
    alternatives.some((a) => a.length > SYNONYM_WORD_MAX || control.test(a) || a === word)
  ) {
    errors.alternatives = 'socialmap.synonyms.error.alternatives';
  }
  if (Object.keys(errors).length) throw Invalid(errors);
  return { word, alternatives: alternatives.join(', ') };
}

/** Add a synonym (id absent) or change one; the word is unique per municipality. */
export async function saveSynonym(
  db: DbOrTrx,
  tenantId: string,
  input: { id?: string; word: string; alternatives: string },
  actor: Actor,
): Promise<Synonym> {
  authorize(can(actor, 'socialmap.categories', { tenantId }));
  const data = checked(input);
  return inTransaction(db, async (trx) => {
    const same = await store.findSynonymByWord(trx, tenantId, data.word);
    if (same && same.id !== input.id) throw Invalid({ word: 'socialmap.synonyms.error.duplicate' });
    const now = actor.now;
    let row: store.SynonymRow | undefined;
    if (input.id) {
      row = isUuid(input.id) ? await store.updateSynonymRow(trx, tenantId, input.id, { ...data, updated_at: now }) : undefined;
      if (!row) throw NotFound('socialmap.synonyms.notFound');
    } else {
      [row] = await store.insertSynonyms(trx, [{ tenant_id: tenantId, ...data, created_at: now, updated_at: now }]);
    }
    await audit(trx, tenantId, actor, input.id ? 'update' : 'create', 'synonym', row!.id, { word: data.word });
    return toSynonym(row!);
  });
}

/** Remove a synonym. */
export async function deleteSynonym(db: DbOrTrx, tenantId: string, id: string, actor: Actor): Promise<void> {
  authorize(can(actor, 'socialmap.categories', { tenantId }));
  await inTransaction(db, async (trx) => {
    if (!isUuid(id) || !(await store.deleteSynonymRow(trx, tenantId, id))) throw NotFound('socialmap.synonyms.notFound');
    await audit(trx, tenantId, actor, 'delete', 'synonym', id);
  });
}

/** Give a municipality the default synonyms when it has none yet (the demo seed; not audited, like other demo data). */
export async function ensureDefaultSynonyms(db: DbOrTrx, principal: Principal, tenantId: string, now: Date): Promise<void> {
  authorize(can(principal, 'socialmap.categories', { tenantId }));
  if ((await store.listSynonymRows(db, tenantId)).length > 0) return;
  await store.insertSynonyms(
    db,
    DEFAULT_SYNONYMS.map(([word, alternatives]) => ({ tenant_id: tenantId, word, alternatives, created_at: now, updated_at: now })),
  );
}
