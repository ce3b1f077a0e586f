import type { ViewContext } from '../../../../ui/context.ts';
import { DataTable } from '../../../../ui/table.tsx';
import { translateChecked } from '../../../../platform/i18n/index.ts';
import { localDate } from '../../../../platform/time.ts';
import type { WorkListItem } from '../review.service.ts';
import { formatDay, formatEuro } from '../letters.ts';

/** The coordinator's work list: every application in review, with its deadlines; late ones marked. */
export function WorkList({ ctx, slug, items }: { ctx: ViewContext; slug: string; items: WorkListItem[] }) {
  const { t, locale } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('initiatives.review.list.title')}</h1>
      <p class="utrecht-paragraph">{t('initiatives.review.list.intro')}</p>
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t('initiatives.review.list.none')}</p>
      ) : (
        <DataTable
          columns={[
            t('initiatives.review.list.reference'),
            t('initiatives.review.list.initiative'),
            t('initiatives.review.list.fund'),
            t('initiatives.review.list.requested'),
            t('initiatives.review.list.status'),
            t('initiatives.review.list.deadline'),
          ]}
        >
          {items.map((i) => {
            const d = i.deadlines;
            const undecided = ['submitted', 'acknowledged', 'in_review'].includes(i.status);
            const ack = i.status === 'submitted';
            const late = ack ? d.acknowledgeOverdue : d.decideOverdue;
            return (
              <tr>
                <th scope="row">
                  <a class="utrecht-link" href={`/${slug}/samen-doen/beoordelen/${i.reference}`}>
                    {i.reference}
                  </a>
                </th>
                <td>
                  {i.title} ({i.group}){i.isDemo && ` — ${t('initiatives.review.demo')}`}
                </td>
                <td>{i.fundName}</td>
                <td>{formatEuro(i.requestedCents, locale)}</td>
                <td>{translateChecked(t, `initiatives.review.status.${i.status}`)}</td>
                <td>
                  {!undecided
                    ? t('initiatives.review.list.done')
                    : t(ack ? 'initiatives.review.list.acknowledgeBy' : 'initiatives.review.list.decideBy', {
                        date: formatDay(localDate(ack ? d.acknowledgeBy : d.decideBy), locale),
                      })}
                  {undecided && late && (
                    <>
                      {' '}
                      <strong>{t('initiatives.review.list.overdue')}</strong>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
