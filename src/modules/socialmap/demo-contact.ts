/**
 * Contact details of the demo entries, clearly not real (issue 12: "a number to call", marked as
 * demo): every phone number starts with 0000, which no Dutch number does, and every e-mail address
 * and website is under example.org (reserved for examples, RFC 2606). The pages also say
 * "Voorbeeld (demogegevens)" on every demo entry.
 */

/** `Stip Oosterpark` → `stip-oosterpark`. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The e-mail address and website of a demo organisation. */
export function demoOrganisationContact(name: string): { email: string; website: string } {
  const slug = slugOf(name) || 'organisatie';
  return { email: `info@${slug}.example.org`, website: `https://${slug}.example.org` };
}

/** The n-th demo phone number: `0000 000 0nn` (never a real number). */
export function demoPhone(n: number): string {
  return `0000 000 ${String(n % 1000).padStart(3, '0')}`;
}

/** What the phone number is, shown beside it. */
export const DEMO_PHONE_NOTE = 'Demonummer, niet bellen';

/** The costs of a demo activity, in plain words. */
export function demoFees(name: string, description: string): string {
  const text = `${name} ${description}`.toLowerCase();
  if (/eettafel|samen eten/.test(text)) return 'Een maaltijd kost € 5. Geen geld? Vraag het de vrijwilligers.';
  if (/cursus/.test(text)) return 'Gratis voor inwoners van de gemeente.';
  if (/koffie|inloop|soos|huiskamer/.test(text)) return 'Gratis. Koffie en thee kosten € 0,50.';
  return 'Gratis.';
}
