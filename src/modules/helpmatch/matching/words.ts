/** Words that say nothing about a skill (Dutch and English), left out when comparing texts. */
const STOP = new Set(
  'aan alle also and are bij can de dat den der des die dit een eens even for from graag hebben heeft help hulp ik in is je kan kunnen maar mee met mij mijn naar niet nog ook of om onze op over the this to tot uit van veel voor wat wel wil with word worden zijn zou'.split(
    ' ',
  ),
);

const cache = new WeakMap<object, ReadonlySet<string>>();

/** Significant words of a text: lower case, letters only, at least 4 long, no stop words. */
export function wordsOf(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const w of text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]+/)) {
    if (w.length >= 4 && !STOP.has(w)) out.add(w);
  }
  return out;
}

/** `wordsOf` remembered per owner object (an offer's talents do not change during one ranking). */
export function cachedWordsOf(owner: object, text: string): ReadonlySet<string> {
  let s = cache.get(owner);
  if (!s) {
    s = wordsOf(text);
    cache.set(owner, s);
  }
  return s;
}

/** Request words found in the talents, a word matching when one starts with the other (tuin ~ tuinieren). Sorted. */
export function sharedWords(requestWords: ReadonlySet<string>, talentWords: ReadonlySet<string>): string[] {
  const hits: string[] = [];
  for (const t of talentWords) {
    for (const r of requestWords) {
      if (t.startsWith(r) || r.startsWith(t)) {
        hits.push(t);
        break;
      }
    }
  }
  return hits.sort();
}

/** How many talent words `sharedWords` would return, without building the list. */
export function countSharedWords(requestWords: ReadonlySet<string>, talentWords: ReadonlySet<string>): number {
  let n = 0;
  for (const t of talentWords) {
    for (const r of requestWords) {
      if (t.startsWith(r) || r.startsWith(t)) {
        n++;
        break;
      }
    }
  }
  return n;
}
