/**
 * The "Meldingen" section of the neighbourhood page (/{tenant}/wijken/{code}) for the municipality,
 * a wijk or a buurt: open signals by group, median times, the share fed back and satisfaction, and
 * per wijk or buurt a small table. Counts only: no descriptions, places or people. Everything shown
 * to the public leaves worries about neighbours (sensitive categories) out; staff of the
 * municipality (professional, coordinator, admin) also see open worries per wijk, from 5 on.
 */
import './section.messages.ts';
import { formatNumber, type Translate } from '../../../platform/i18n/index.ts';
import type { AreaSummaryArgs, SummaryRenderArgs, SummarySection } from '../../../platform/module.ts';
import { STAFF_ROLES } from '../../../platform/http/policy.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { DataTable } from '../../../ui/table.tsx';
import {
  areaFigures,
  MIN_GROUP,
  plainDuration,
  sensitiveByWijk,
  type AreaFigures,
  type Figure,
  type SensitiveCount,
} from './section.service.ts';

const NO_FIGURE: Figure = { value: null, n: 0 };

/**
 * What the area-summaries job stores (plain JSON): the public figures, every wijk or buurt of the
 * area with its name (also those without signals), and the staff-only counts of open worries per
 * wijk (already suppressed below MIN_GROUP; `render` shows them to staff only).
 */
export interface SignalsSummary {
  figures: Omit<AreaFigures, 'parts'>;
  parts: (AreaFigures['parts'][number] & { name: string | null })[];
  /** Staff only; null on a buurt's page. */
  sensitive: (SensitiveCount & { name: string })[] | null;
}

async function summarize({ db, tenantId, area, areaCodes, now }: AreaSummaryArgs): Promise<SignalsSummary> {
  const { parts: figureParts, ...figures } = await areaFigures(db, { tenantId, level: area.level, areaCodes, now });
  const partLevel = area.level === 'municipality' ? 'district' : area.level === 'district' ? 'neighbourhood' : null;
  const names = partLevel
    ? new Map(
        (
          await listAreas(
            db,
            tenantId,
            partLevel === 'district' ? { level: 'district' } : { level: 'neighbourhood', parentCode: area.code },
          )
        ).map((a) => [a.code, a.name]),
      )
    : new Map<string, string>();
  // Every wijk or buurt of the area gets a row, also those without signals (a missing row reads as "no data").
  const empty = (code: string) => ({ code, open: 0, closed: 0, medianClose: NO_FIGURE, fedBack: NO_FIGURE, satisfied: NO_FIGURE });
  const withSignals = new Set(figureParts.map((p) => p.code));
  const parts = [...figureParts, ...[...names.keys()].filter((code) => !withSignals.has(code)).map(empty)].map((p) => ({
    ...p,
    name: names.get(p.code ?? '') ?? null,
  }));
  // Never finer than a wijk: the municipality page lists every wijk, a wijk page its own count.
  const sensitiveWijken = area.level === 'neighbourhood' ? null : area.level === 'municipality' ? [...names.keys()] : [area.code];
  const sensitive = sensitiveWijken
    ? (await sensitiveByWijk(db, { tenantId, wijkCodes: sensitiveWijken })).map((c) => ({
        ...c,
        name: area.level === 'district' ? area.name : (names.get(c.code) ?? c.code),
      }))
    : null;
  return { figures, parts: partLevel ? parts : [], sensitive };
}

function render({ ctx, tenantSlug: slug, area, data }: SummaryRenderArgs<SignalsSummary>) {
  const { t, locale } = ctx;
  const f = data.figures;
  const n = (x: number) => formatNumber(locale, x);
  const time = (x: Figure) => (x.value === null ? t('signals.section.tooFew') : plainDuration(x.value, locale));
  const pct = (x: Figure) =>
    x.value === null ? t('signals.section.tooFew') : t('signals.section.percent', { pct: formatNumber(locale, Math.round(x.value * 100)) });
  const partLevel = area.level === 'municipality' ? 'district' : area.level === 'district' ? 'neighbourhood' : null;
  const parts = data.parts
    .map((p) => ({ ...p, name: p.name ?? t('signals.section.unknownPart', { code: p.code ?? '' }) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const id = `meldingen-${area.code}`;
  // Staff of the municipality only.
  const staff = ctx.roles.some((r) => STAFF_ROLES.includes(r));
  const sensitive = staff && data.sensitive ? [...data.sensitive].sort((a, b) => a.name.localeCompare(b.name, locale)) : null;
  return (
    <section class="section area-signals" aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {t('signals.section.title')}
      </h2>
      <p class="utrecht-paragraph">{t('signals.section.intro', { name: area.name })}</p>
      <p class="utrecht-paragraph">{t('signals.section.publicOnly')}</p>
      <h3 class="utrecht-heading-3">{t('signals.section.openTitle')}</h3>
      {f.openByGroup.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.section.noneOpen')}</p>
      ) : (
        <table class="data-table signals-open">
          <caption class="visually-hidden">{t('signals.section.openCaption', { name: area.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('signals.section.subject')}</th>
              <th scope="col" class="num">
                {t('signals.section.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {f.openByGroup.map((g) => (
              <tr>
                <th scope="row">{g.name}</th>
                <td class="num">{n(g.n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 class="utrecht-heading-3">{t('signals.section.howTitle')}</h3>
      <table class="data-table signals-how">
        <caption class="visually-hidden">{t('signals.section.howCaption', { name: area.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('signals.section.what')}</th>
            <th scope="col">{t('signals.section.value')}</th>
            <th scope="col" class="num">
              {t('signals.section.basis')}
            </th>
          </tr>
        </thead>
        <tbody>
          <Row label={t('signals.section.firstResponse')} value={time(f.medianResponse)} basis={n(f.medianResponse.n)} />
          <Row label={t('signals.section.closure')} value={time(f.medianClose)} basis={n(f.medianClose.n)} />
          <Row label={t('signals.section.fedBack')} value={pct(f.fedBack)} basis={n(f.fedBack.n)} />
          <Row label={t('signals.section.satisfied')} value={pct(f.satisfied)} basis={n(f.satisfied.n)} />
        </tbody>
      </table>
      {partLevel && parts.length > 0 && <Parts t={t} name={area.name} level={partLevel} parts={parts} n={n} time={time} pct={pct} />}
      {sensitive && <StaffSensitive t={t} name={area.name} rows={sensitive} n={n} />}
      {staff && area.level === 'neighbourhood' && <p class="utrecht-paragraph">{t('signals.section.staffBuurt')}</p>}
      <p class="utrecht-paragraph">{t('signals.section.privacy', { n: MIN_GROUP })}</p>
      {slug && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/${slug}/meldingen`}>
            {t('signals.section.link')}
          </a>
        </p>
      )}
    </section>
  );
}

function Row({ label, value, basis }: { label: string; value: string; basis: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value}</td>
      <td class="num">{basis}</td>
    </tr>
  );
}

function Parts(props: {
  t: Translate;
  name: string;
  level: 'district' | 'neighbourhood';
  parts: { code: string | null; name: string; open: number; closed: number; medianClose: Figure; fedBack: Figure; satisfied: Figure }[];
  n: (x: number) => string;
  time: (x: Figure) => string;
  pct: (x: Figure) => string;
}) {
  const { t, n, time, pct } = props;
  return (
    <>
      <h3 class="utrecht-heading-3">{t(props.level === 'district' ? 'signals.section.partsWijk' : 'signals.section.partsBuurt')}</h3>
      <DataTable
        class="signals-parts"
        caption={t('signals.section.partsCaption', { name: props.name })}
        columns={[
          t(props.level === 'district' ? 'signals.section.wijk' : 'signals.section.buurt'),
          t('signals.section.open'),
          t('signals.section.closed'),
          t('signals.section.closure'),
          t('signals.section.fedBack'),
          t('signals.section.satisfied'),
        ]}
      >
        {props.parts.map((p) => (
          <tr>
            <th scope="row">{p.name}</th>
            <td class="num">{n(p.open)}</td>
            <td class="num">{n(p.closed)}</td>
            <td>{time(p.medianClose)}</td>
            <td>{pct(p.fedBack)}</td>
            <td>{pct(p.satisfied)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** Staff only: open worries about neighbours per wijk, "fewer than 5" below the threshold (also for none). */
function StaffSensitive(props: { t: Translate; name: string; rows: (SensitiveCount & { name: string })[]; n: (x: number) => string }) {
  const { t, n } = props;
  return (
    <div class="signals-staff">
      <h3 class="utrecht-heading-3">{t('signals.section.staffTitle')}</h3>
      <p class="utrecht-paragraph">{t('signals.section.staffIntro', { n: MIN_GROUP })}</p>
      <table class="data-table signals-sensitive">
        <caption class="visually-hidden">{t('signals.section.staffCaption', { name: props.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('signals.section.wijk')}</th>
            <th scope="col" class="num">
              {t('signals.section.staffOpen')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              <td class="num">{r.n === null ? t('signals.section.fewerThan', { n: MIN_GROUP }) : n(r.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The signals section, shown on the page of the municipality, every wijk and every buurt. Not one of
 * the four functions of cohesion (no `fn`): it comes after them. Computed by the area-summaries job
 * (the 12-month period counts from the job's moment); `render` only shows the stored figures.
 */
export const signalsAreaSection: SummarySection<SignalsSummary> = { id: 'signals', order: 40, summarize, render };
