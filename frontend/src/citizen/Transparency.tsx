// The public transparency page: the year's figures in complaint handling,
// aggregates only (the API sends no complaint or reporter), with charts that
// can be read as tables.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { publicApi, unwrap } from '../api/public';
import type { components } from '../api/schema';
import { CHANNELS, KINDS, STATUSES } from '../api/types';
import { BarChart, Tile } from '../components/charts';
import { Loading, PageTitle, ProblemBanner, SelectField } from '../components/ui';
import { useI18n } from '../i18n';
import { indexText, monthRows, orderedRows, percentText, rankedRows } from '../lib/figures';
import { formatMonth, formatNumber, todayInWita } from '../lib/format';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';

type Report = components['schemas']['TransparencyReport'];

/** Years offered: this one and the four before it. */
const YEARS_BACK = 4;

export default function Transparency() {
  const { t, lookup, lang, dateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInWita().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= thisYear - YEARS_BACK && asked <= thisYear ? asked : thisYear;
  const [report, setReport] = useState<Report | null>(null);
  const [shown, setShown] = useState<ShownProblem | null>(null);

  useEffect(() => {
    let live = true;
    setReport(null);
    unwrap(publicApi.GET('/api/v1/transparency', { params: { query: { year } } }))
      .then((r) => {
        if (!live) return;
        setReport(r);
        setShown(null);
      })
      .catch((e: unknown) => live && setShown(translateProblem(toProblem(e), lookup)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [year]);

  const n = (value: number) => formatNumber(value, lang);
  const complaints = [{ label: t('transparency.count') }];

  return (
    <>
      <PageTitle title={t('transparency.title')}>{t('transparency.title')}</PageTitle>
      <p>{t('transparency.intro')}</p>
      <div className="track-form">
        <SelectField id="transparency-year" label={t('transparency.year')} value={String(year)} onChange={(e) => setParams({ year: e.target.value })}>
          {Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <ProblemBanner shown={shown} />
      {!report && !shown ? <Loading /> : null}
      {report ? (
        <section aria-labelledby="transparency-figures">
          <h2 id="transparency-figures">{t('transparency.figures', { year: report.year })}</h2>
          <ul className="tiles">
            <Tile label={t('transparency.received')} value={n(report.received)} testId="tr-received" />
            <Tile
              label={t('transparency.finished')}
              value={n(report.finished)}
              note={t('transparency.finishedNote', { answered: n(report.answered), rejected: n(report.rejected) })}
              testId="tr-finished"
            />
            <Tile
              label={t('transparency.onTime')}
              value={percentText(report.answered_on_time, lang)}
              note={t('transparency.ofAnswered', { count: n(report.answered_on_time.count), of: n(report.answered_on_time.of) })}
            />
            <Tile
              label={t('transparency.median')}
              value={report.median_days_to_resolve === null || report.median_days_to_resolve === undefined ? '—' : n(report.median_days_to_resolve)}
            />
            <Tile
              label={t('transparency.satisfaction')}
              value={indexText(report.satisfaction, lang, (g) => lookup(`grade.${g}`) ?? g)}
              note={t('transparency.responses', { count: n(report.satisfaction.responses) })}
            />
          </ul>
          <p className="small muted">{t('grade.scale')}</p>
          <BarChart
            title={t('transparency.byMonth')}
            headingLevel={2}
            orientation="vertical"
            series={[{ label: t('transparency.received') }, { label: t('transparency.finished') }]}
            rows={monthRows(report.by_month, (m) => formatMonth(m, lang))}
            testId="tr-chart-month"
          />
          <BarChart
            title={t('transparency.byStatus')}
            headingLevel={2}
            series={complaints}
            rows={orderedRows(report.by_status.map((s) => ({ key: s.status, count: s.count })), STATUSES, (s) => t(`status.${s}`))}
          />
          <BarChart
            title={t('transparency.byKind')}
            headingLevel={2}
            series={complaints}
            rows={orderedRows(report.by_kind.map((k) => ({ key: k.kind, count: k.count })), KINDS, (k) => t(`kind.${k}`))}
          />
          <BarChart
            title={t('transparency.byChannel')}
            headingLevel={2}
            series={complaints}
            rows={orderedRows(report.by_channel.map((c) => ({ key: c.channel, count: c.count })), CHANNELS, (c) => t(`channel.${c}`))}
          />
          <BarChart
            title={t('transparency.byCategory')}
            headingLevel={2}
            series={complaints}
            rows={rankedRows(report.by_category.map((c) => ({ key: c.category, label: c.category, count: c.count })))}
          />
          <p className="small muted">{t('transparency.generated', { at: dateTime(report.generated_at) })}</p>
        </section>
      ) : null}
    </>
  );
}
