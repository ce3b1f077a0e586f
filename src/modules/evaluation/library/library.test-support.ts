/** Fixtures of the library's tests. */
import type { InterventionInput } from './library.schemas.ts';

/** A valid card input; override what the test is about. */
export const sampleCard = (over: Partial<InterventionInput> = {}): InterventionInput => ({
  slug: 'buurtkamer',
  titleNl: 'Buurtkamer',
  whatNl: 'Een huiskamer in de flat, gerund door vrijwilligers.',
  forWhomNl: 'Bewoners van de flat',
  whereText: 'Krimpen aan den IJssel, Oud-Krimpen',
  effectNl: 'Geen gemeten effect bekend.',
  functions: ['ontmoeten', 'kennen'],
  targetGroups: ['ouderen'],
  level: 'neighbourhood',
  ...over,
});
