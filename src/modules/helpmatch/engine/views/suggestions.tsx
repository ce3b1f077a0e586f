import type { ViewContext } from '../../../../ui/context.ts';
import { ErrorSummary, Form } from '../../../../ui/form.tsx';
import { categoryLabel, shortDate } from '../../views/parts.tsx';
import type { HelpType, Suggestion } from '../../matching/types.ts';
import { Explanation, scoreText } from './common.tsx';
import { Notice } from '../../../../ui/notice.tsx';
import { DataTable } from '../../../../ui/table.tsx';
import type { MessageKey } from '../../../../platform/i18n/index.ts';
import { MisfitsSection, type MisfitLine } from './misfits.tsx';

export interface OpenRequestLine {
  id: string;
  summary: string;
  category: string;
  helpType: HelpType;
  buurt: string;
  createdAt: Date;
}

/** Open requests of the tenant, each with a link to its ranked suggestions (coordinators). */
export function SuggestionListPage({ ctx, slug, requests }: { ctx: ViewContext; slug: string; requests: readonly OpenRequestLine[] }) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.engine.suggest.listTitle')}</h1>
      <p class="utrecht-paragraph">{t('helpmatch.engine.suggest.listIntro')}</p>
      {requests.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.engine.suggest.none')}</p>
      ) : (
        <DataTable
          caption={t('helpmatch.engine.suggest.listTitle')}
          columns={[
            t('helpmatch.engine.suggest.request'),
            t('helpmatch.engine.forYou.category'),
            t('helpmatch.engine.forYou.kind'),
            t('helpmatch.engine.forYou.buurt'),
            t('helpmatch.engine.forYou.since'),
          ]}
        >
          {requests.map((r) => (
            <tr>
              <td>
                <a
                  class="utrecht-link"
                  href={`/${slug}/hulp/suggesties/${r.id}`}
                  aria-label={t('helpmatch.engine.suggest.view', { summary: r.summary })}
                >
                  {r.summary}
                </a>
              </td>
              <td>{categoryLabel(ctx, r.category)}</td>
              <td>{t(`helpmatch.engine.helpType.${r.helpType}`)}</td>
              <td>{r.buurt}</td>
              <td>{shortDate(ctx, r.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export interface RankedLine extends Suggestion {
  name: string;
}

/** Ranked suggestions for one request with explanations; each can be proposed (coordinators). */
export function SuggestionsPage({
  ctx,
  slug,
  requestId,
  summary,
  open,
  lines,
  misfits,
  notice,
  errors,
}: {
  ctx: ViewContext;
  slug: string;
  requestId: string;
  summary: string;
  open: boolean;
  lines: readonly RankedLine[];
  /** Volunteers who do not fit, with every reason (absent: not shown). */
  misfits?: readonly MisfitLine[];
  notice: MessageKey | null;
  errors?: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('helpmatch.engine.suggest.title')}</h1>
      <Notice ctx={ctx} messageKey={notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="utrecht-paragraph">
        <strong>{summary}</strong>
      </p>
      <p class="utrecht-paragraph">{t('helpmatch.engine.suggest.intro')}</p>
      {!open ? (
        <p class="utrecht-paragraph">{t('helpmatch.engine.suggest.notOpen')}</p>
      ) : lines.length === 0 ? (
        <p class="utrecht-paragraph">{t('helpmatch.engine.suggest.noneFound')}</p>
      ) : (
        <div class="table-scroll" id="veld-volunteer">
          <table class="data-table">
            <caption>{t('helpmatch.engine.suggest.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('helpmatch.engine.suggest.rank')}</th>
                <th scope="col">{t('helpmatch.engine.suggest.volunteer')}</th>
                <th scope="col">{t('helpmatch.engine.suggest.score')}</th>
                <th scope="col">{t('helpmatch.engine.suggest.why')}</th>
                <th scope="col">{t('helpmatch.engine.suggest.action')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <th scope="row">{l.kind === 'latent' ? `${l.name} (${t('helpmatch.engine.latentContact')})` : l.name}</th>
                  <td>{scoreText(ctx, l.score)}</td>
                  <td>
                    <Explanation ctx={ctx} parts={l.explanation} />
                  </td>
                  <td>
                    <Form ctx={ctx} action={`/${slug}/hulp/suggesties/${requestId}`}>
                      <input type="hidden" name="volunteer" value={l.userId} />
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                        {t('helpmatch.engine.suggest.propose', { name: l.name })}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && misfits && <MisfitsSection ctx={ctx} lines={misfits} />}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/${slug}/hulp/suggesties`}>
          {t('helpmatch.engine.suggest.back')}
        </a>
      </p>
    </>
  );
}
