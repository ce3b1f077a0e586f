/**
 * What signals adds to the staff start page (`/{tenant}/beheer`): signals past their deadline and
 * new signals nobody has picked up, counted over what the principal may list (`signal.list`: the
 * coordinator the whole municipality, a professional their organisations). Two counts on the
 * `signals_signals_list` index (tenant, state).
 */
import './attention.messages.ts';
import type { AttentionSource } from '../../../platform/module.ts';
import { reachOf } from '../../../platform/principal.ts';
import { can, RULES } from '../policies.ts';
import { visibleFilter } from '../access.ts';
import { countSignals } from '../signals.store.ts';
import { OPEN_STATES } from '../workflow.ts';

export const signalsAttention: AttentionSource = {
  id: 'signals',
  order: 10,
  async items({ db, principal, tenantId, tenantSlug, now }) {
    if (!can(principal, 'signal.list')) return [];
    const count = (filter: Parameters<typeof countSignals>[2]) =>
      countSignals(db, tenantId, visibleFilter(principal, 'signal.list', tenantId, filter));
    const overdue = await count({ states: OPEN_STATES, overdueAt: now });
    const fresh = await count({ states: ['gemeld'] });
    const list = `/${tenantSlug}/meldingen/behandelen`;
    return [
      {
        id: 'signals.overdue',
        labelKey: 'signals.attention.overdue',
        count: overdue,
        href: `${list}?status=open&telaat=1`,
        urgent: overdue > 0,
      },
      {
        id: 'signals.new',
        labelKey: reachOf(RULES, principal, 'signal.list') === 'all' ? 'signals.attention.newAll' : 'signals.attention.newOrganisation',
        count: fresh,
        href: `${list}?status=gemeld`,
      },
    ];
  },
};
