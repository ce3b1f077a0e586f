import type { ViewContext } from '../../../../ui/context.ts';
import { DataTable } from '../../../../ui/table.tsx';
import type { OverviewRow } from '../perspective.service.ts';

/** Staff's list of wijken with the state of each wijkperspectief, linked. */
export function PerspectiveOverview({ ctx, slug, rows }: { ctx: ViewContext; slug: string; rows: readonly OverviewRow[] }) {
  const { t } = ctx;
  const state = (r: OverviewRow) =>
    r.newest === null
      ? t('monitor.perspective.overview.none')
      : t('monitor.perspective.overview.state', {
          version: r.newest,
          status: t(`monitor.perspective.status.${r.newestStatus ?? 'draft'}`),
        });
  return (
    <>
      <h1 class="utrecht-heading-1">{t('monitor.perspective.overview.title')}</h1>
      <p class="utrecht-paragraph">{t('monitor.perspective.chain')}</p>
      <DataTable
        columns={[
          t('monitor.perspective.overview.wijk'),
          t('monitor.perspective.overview.stateCol'),
          t('monitor.perspective.overview.public'),
          t('monitor.perspective.overview.contributions'),
        ]}
      >
        {rows.map((r) => (
          <tr>
            <th scope="row">
              <a class="utrecht-link" href={`/${slug}/wijken/${r.code}/wijkperspectief`}>
                {r.name}
              </a>
            </th>
            <td>{state(r)}</td>
            <td>
              {r.agreed === null
                ? t('monitor.perspective.overview.notPublic')
                : t('monitor.perspective.overview.agreedVersion', { version: r.agreed })}
            </td>
            <td class="num">{r.contributions}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
