/**
 * The social return part of a project card (a ProjectCardPart): the range per euro spent, or "not
 * yet computable", with a link to the calculation. Cards nobody set up show the part only to those
 * who may set it up. Small aggregate queries only (the help ledger's hours of the card's areas).
 */
import type { ProjectCardPart } from '../../../platform/module.ts';
import { formatCents, getProgrammeById } from '../../programmes/programmes.service.ts';
import { socialReturnOf } from './socialreturn.service.ts';

export const socialReturnCardPart: ProjectCardPart = {
  id: 'evaluation.socialReturn',
  order: 20,
  async render({ db, principal, tenantId, tenantSlug, cardId, ctx }) {
    const sr = await socialReturnOf(db, principal, tenantId, cardId);
    if (sr.settings === null && sr.items.length === 0 && !sr.canEdit) return null;
    const programme = await getProgrammeById(db, principal, tenantId, sr.card.programmeId);
    const c = sr.calc;
    const euro = (v: number) => formatCents(Math.round(v * 100), ctx.locale);
    const demo = (sr.settings?.shadowPriceIsDemo ?? false) || sr.items.some((i) => i.isDemo);
    return (
      <section class="section" aria-labelledby="rendement">
        <h2 class="utrecht-heading-2" id="rendement">
          {ctx.t('evaluation.sr.link')}
        </h2>
        <p>
          {c.computable && c.perEuroLow !== null && c.perEuroHigh !== null
            ? ctx.t('evaluation.sr.cardPart', { low: euro(c.perEuroLow), high: euro(c.perEuroHigh) })
            : ctx.t('evaluation.sr.cardPartNone')}
          {demo && <span class="demo-label"> ({ctx.t('evaluation.demoLabel')})</span>}
        </p>
        <p>
          <a class="utrecht-link" href={`/${tenantSlug}/programmas/${programme.slug}/projecten/${cardId}/rendement`}>
            {ctx.t('evaluation.sr.cardLink')}
          </a>
        </p>
      </section>
    );
  },
};
