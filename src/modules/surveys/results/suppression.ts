/**
 * Which survey figures may be published (pure). A figure is suppressed below the threshold, and a
 * published figure never lets anyone recover a suppressed group by subtraction:
 *
 * The published areas form a tree (buurt ⊂ wijk ⊂ municipality). From published counts and sums an
 * outsider can compute, for every published area P, the group "P minus its largest published areas
 * below it" (its remainder) — and only unions of such remainders. So the rule is: every published
 * area has at least `threshold` respondents, and every remainder is empty or has at least
 * `threshold` respondents. While a remainder is 1 … threshold − 1, the smallest published area
 * directly under P (ties: the lowest code) is suppressed too; the parent itself, having at least the
 * threshold, then never has to go. A cell hidden only for another's sake that its published cells
 * below add up to exactly is shown again (it hides nothing). docs/surveys-results.md has an example.
 */

export interface Cell {
  code: string;
  /** The enclosing area's code; null, or a code that is not a cell, for the top. */
  parent: string | null;
  /** Respondents in this area and everything below it. */
  n: number;
}

export interface Suppression {
  /** Codes whose figure may be shown. */
  published: Set<string>;
  /** Codes with respondents whose figure is hidden: below the threshold, or to protect another. */
  suppressed: Set<string>;
}

/** Decide which cells are published; `threshold` is at least 1. */
export function suppressCells(cells: readonly Cell[], threshold: number): Suppression {
  const byCode = new Map(cells.filter((c) => c.n > 0).map((c) => [c.code, c]));
  const children = new Map<string, Cell[]>();
  for (const c of byCode.values()) {
    if (c.parent !== null && byCode.has(c.parent)) {
      const list = children.get(c.parent) ?? [];
      list.push(c);
      children.set(c.parent, list);
    }
  }
  const published = new Set([...byCode.values()].filter((c) => c.n >= threshold).map((c) => c.code));

  /** The largest published cells strictly below `code`. */
  const publishedBelow = (code: string): Cell[] => {
    const out: Cell[] = [];
    const walk = (c: string) => {
      for (const ch of children.get(c) ?? []) {
        if (published.has(ch.code)) out.push(ch);
        else walk(ch.code);
      }
    };
    walk(code);
    return out;
  };

  const depth = (c: Cell): number => {
    let d = 0;
    for (let p = c.parent; p !== null && byCode.has(p); p = byCode.get(p)!.parent) d++;
    return d;
  };
  // Deepest first, so a wijk protects its buurten before the municipality looks at the wijk.
  const order = [...byCode.values()].sort((a, b) => depth(b) - depth(a) || a.code.localeCompare(b.code)).map((c) => c.code);
  let changed = true;
  while (changed) {
    changed = false;
    for (const code of order) {
      if (!published.has(code)) continue;
      const cell = byCode.get(code)!;
      const below = publishedBelow(code);
      const remainder = cell.n - below.reduce((s, c) => s + c.n, 0);
      if (remainder > 0 && remainder < threshold) {
        const smallest = [...below].sort((a, b) => a.n - b.n || a.code.localeCompare(b.code))[0];
        // A published cell has n ≥ threshold, so with nothing published below the remainder is ≥ threshold.
        if (!smallest) throw new Error(`suppressCells: ${code} has remainder ${remainder} with nothing to suppress`);
        published.delete(smallest.code);
        changed = true;
        break;
      }
    }
  }
  // A cell hidden to protect another but exactly covered by published cells below it hides nothing
  // (anyone can add them up): show it, so that no suppressed figure is recoverable. This changes no
  // remainder: its parent subtracted the same respondents through the cells below it.
  for (const code of order) {
    const cell = byCode.get(code)!;
    if (published.has(code) || cell.n < threshold) continue;
    if (publishedBelow(code).reduce((s, c) => s + c.n, 0) === cell.n) published.add(code);
  }
  const suppressed = new Set([...byCode.keys()].filter((c) => !published.has(c)));
  return { published, suppressed };
}
