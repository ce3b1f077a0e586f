/**
 * The spot-check rule (docs/initiatives-review.md): an accounted initiative is checked when
 * HMAC-SHA256(fund secret, application id), its first 32 bits read as an unsigned number n, gives
 * n / 2^32 × 100 below the fund's `spot_check_percent`. The secret is random per fund and never
 * shown, so an applicant cannot predict or steer the draw; the same application always gives the
 * same result, so anyone holding the secret can redo the draw and see it was not picked by hand.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** The draw of one application: a number from 0 up to (not including) 100. */
export function spotCheckDraw(secret: string, applicationId: string): number {
  const digest = createHmac('sha256', secret).update(applicationId).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100;
}

export function isSpotChecked(secret: string, applicationId: string, percent: number): boolean {
  return spotCheckDraw(secret, applicationId) < percent;
}

/** A new fund secret: 32 random bytes as hex. */
export function newSpotCheckSecret(): string {
  return randomBytes(32).toString('hex');
}
