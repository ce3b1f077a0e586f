/** The coordinator's "why do the others not fit?" table: every reason per volunteer, and how to widen it. */
import type { ViewContext } from '../../../../ui/context.ts';
import { formatNumber } from '../../../../platform/i18n/index.ts';
import type { Misfit } from '../../matching/why-not.ts';
import { categoryLabel, VogExplain } from '../../views/parts.tsx';

export interface MisfitLine {
  name: string;
  misfits: readonly Misfit[];
}

/** "2,1 km" or "800 m". */
export function metres(ctx: ViewContext, m: number): string {
  return m >= 1000 ? `${formatNumber(ctx.locale, m / 1000, m % 1000 === 0 ? 0 : 1)} km` : `${Math.round(m)} m`;
}

function reasonAndWiden(ctx: ViewContext, f: Misfit): [string, string] {
  const { t } = ctx;
  switch (f.reason) {
    case 'distance': {
      const limit = metres(ctx, f.limitM);
      return [
        t('helpmatch.misfit.distance', { distance: metres(ctx, f.distanceM), limit }),
        t(f.limitBy === 'request' ? 'helpmatch.misfit.distance.request' : 'helpmatch.misfit.distance.volunteer', { limit }),
      ];
    }
    case 'time':
      return [t('helpmatch.misfit.time'), t('helpmatch.misfit.time.widen')];
    case 'category':
      return [t('helpmatch.misfit.category', { category: categoryLabel(ctx, f.category) }), t('helpmatch.misfit.category.widen')];
    case 'vog':
      return [t('helpmatch.misfit.vog'), t('helpmatch.misfit.vog.widen')];
    case 'cap':
      return [t('helpmatch.misfit.cap', { used: f.used, cap: f.cap }), t('helpmatch.misfit.cap.widen')];
    case 'blocked':
      return [t('helpmatch.misfit.blocked'), t('helpmatch.misfit.blocked.widen')];
  }
}

export function MisfitsSection({ ctx, lines }: { ctx: ViewContext; lines: readonly MisfitLine[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="passen-niet">
      <h2 class="utrecht-heading-2" id="passen-niet">
        {t('helpmatch.misfit.title')}
      </h2>
      {lines.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.misfit.none')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('helpmatch.misfit.intro')}</p>
          <div class="table-scroll">
            <table class="data-table">
              <caption>{t('helpmatch.misfit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('helpmatch.misfit.volunteer')}</th>
                  <th scope="col">{t('helpmatch.misfit.reasons')}</th>
                  <th scope="col">{t('helpmatch.misfit.widen')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => {
                  const parts = l.misfits.map((f) => reasonAndWiden(ctx, f));
                  return (
                    <tr>
                      <th scope="row">{l.name}</th>
                      <td>
                        <ul class="utrecht-unordered-list">
                          {parts.map(([r]) => (
                            <li>{r}</li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        <ul class="utrecht-unordered-list">
                          {parts.map(([, w]) => (
                            <li>{w}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {lines.some((l) => l.misfits.some((f) => f.reason === 'vog')) && <VogExplain ctx={ctx} />}
        </>
      )}
    </section>
  );
}
