/**
 * Public signal numbers that reveal nothing (security review, finding 4).
 *
 * Signals are still counted per tenant and year (signals_counters), but the number shown as
 * `SIG-2026-NNNNNN` is a keyed pseudo-random permutation of that count: an 8-round Feistel network
 * (HMAC-SHA256 round function) on 20 bits, cycle-walked into the range of free numbers. So the
 * numbers stay unique without retries, keep their familiar form for staff and reporters, and
 * neither their order nor their gaps say how many signals (sensitive or hidden ones included) were
 * filed, or when. The key is random per tenant and year and never leaves the database.
 *
 * Never change this function: numbers already given out were made with it, and a different one
 * could hand out a number twice.
 */
import { createHmac } from 'node:crypto';

const ROUNDS = 8;

/** The smallest even number of bits that holds `max`. */
function bitsFor(max: number): number {
  let b = 2;
  while (2 ** b <= max) b += 2;
  return b;
}

/** Round values per key and width, computed once each (a walk may take many rounds); a few keys are in use at a time. */
const rounds = new Map<string, Int32Array>();

function roundValue(key: string, bits: number, round: number, r: number): number {
  const id = `${bits}:${key}`;
  let table = rounds.get(id);
  if (!table) {
    if (rounds.size >= 64) rounds.delete(rounds.keys().next().value!);
    table = new Int32Array(ROUNDS * 2 ** (bits / 2)).fill(-1);
    rounds.set(id, table);
  }
  const at = round * 2 ** (bits / 2) + r;
  if (table[at]! < 0) {
    table[at] = createHmac('sha256', key).update(`${bits}.${round}.${r}`).digest().readUInt32BE(0) & (2 ** (bits / 2) - 1);
  }
  return table[at]!;
}

function feistel(x: number, bits: number, key: string): number {
  const half = bits / 2;
  const mask = 2 ** half - 1;
  let l = Math.floor(x / 2 ** half);
  let r = x & mask;
  for (let round = 0; round < ROUNDS; round++) [l, r] = [r, (l ^ roundValue(key, bits, round, r)) & mask];
  return l * 2 ** half + r;
}

/** A permutation of the whole numbers `lo…hi` (inclusive), chosen by `key`: cycle-walking a Feistel permutation. */
export function permuteWithin(n: number, lo: number, hi: number, key: string): number {
  if (!Number.isInteger(n) || n < lo || n > hi || lo < 0) throw new RangeError(`${n} is not within ${lo}…${hi}`);
  const bits = bitsFor(hi);
  let y = feistel(n, bits, key);
  while (y < lo || y > hi) y = feistel(y, bits, key);
  return y;
}

/**
 * The public number of the `n`th signal of a tenant's year. `from`: the numbers 1…from were given
 * out in sequence before this scheme (they stay as they are), so later ones avoid them. Six digits
 * up to 999,999 signals a year, as before; beyond that seven (and so on), each length its own range.
 */
export function publicNumber(n: number, key: string, from: number): string {
  const digits = Math.max(6, String(n).length);
  const lo = Math.max(from + 1, digits === 6 ? 1 : 10 ** (digits - 1));
  const hi = 10 ** digits - 1;
  return String(permuteWithin(n, lo, hi, key)).padStart(digits, '0');
}
