import type { AreaSection } from '../../platform/module.ts';

/** The "Meldingen" section of the neighbourhood page (placeholder until built). */
export const signalsAreaSection: AreaSection = { id: 'signals', order: 40, render: async () => null };
