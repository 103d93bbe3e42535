// Reports for admin, supervisors and the team lead: the statistics of a
// period (presets or custom days, filters kept in the URL so a link can be
// shared), the reporters' satisfaction index, and the exports.
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { unwrap } from '../api/public';
import type { components } from '../api/schema';
import { CHANNELS, KINDS, STATUSES } from '../api/types';
import { BarChart, Tile } from '../components/charts';
import { CheckField, Loading, PageTitle, ProblemBanner, SelectField, TextField } from '../components/ui';
import { filenameFromDisposition, saveBlob } from '../lib/download';
import { orderedRows, rankedRows } from '../lib/figures';
import { formatNumber, todayInWita } from '../lib/format';
import { monthOf, periodFromParams, PRESETS, presetPeriod, type ChosenPeriod, type Preset } from '../lib/period';
import { problemFromResponse, toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { useReference } from './reference';
import { auth, staffApi, useRole, useST, VERIFYING_ROLES } from './session';
import {
  EXPORTS,
  exportRequest,
  isValidPeriod,
  REPORT_FILTER_KEYS,
  reportFilters,
  reportSearch,
  type ExportKind,
  type ReportFilters,
  type Statistics,
} from './statistics';
import { BacklogChart, FlowChart, KeyTiles, usePercent, useSatisfaction, WorkloadChart } from './StatisticsParts';

type Satisfaction = components['schemas']['SatisfactionReport'];

export default function Reports() {
  const { st, lookup } = useST();
  const [params, setParams] = useSearchParams();
  const today = todayInWita();
  const key = params.toString();
  const chosen = periodFromParams(params, today);
  const filters = reportFilters(params);
  const [draft, setDraft] = useState<ChosenPeriod & ReportFilters>({ ...chosen, ...filters });
  const [stats, setStats] = useState<Statistics | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const current = new URLSearchParams(key);
    const period = periodFromParams(current, todayInWita());
    const query = { from: period.from, to: period.to, ...reportFilters(current) };
    setDraft({ ...period, ...reportFilters(current) });
    let live = true;
    setLoading(true);
    Promise.all([
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- filter values come from the URL; the API validates them
      unwrap(staffApi.GET('/api/v1/reports/statistics', { params: { query: query as any } })),
      unwrap(staffApi.GET('/api/v1/reports/satisfaction', { params: { query: { from: period.from, to: period.to } } })),
    ])
      .then(([s, r]) => {
        if (!live) return;
        setStats(s);
        setSatisfaction(r);
        setShown(null);
      })
      .catch((e: unknown) => live && setShown(translateProblem(toProblem(e), lookup)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const { preset, from, to, ...rest } = draft;
    const next = preset === 'custom' ? { preset, from, to } : { preset, ...presetPeriod(preset, today) };
    setParams(reportSearch(next, rest));
  }

  function choosePreset(preset: Preset) {
    // A custom period starts from the one shown, to be adjusted.
    setDraft((d) => ({ ...d, preset, ...(preset === 'custom' ? {} : presetPeriod(preset, today)) }));
  }

  return (
    <>
      <PageTitle title={st('reports.title')}>{st('reports.title')}</PageTitle>
      <form className="panel" onSubmit={submit} aria-label={st('reports.choose')}>
        <div className="filters">
          <SelectField id="report-preset" label={st('reports.period')} value={draft.preset} onChange={(e) => choosePreset(e.target.value as Preset)}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {st(`reports.preset.${p}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="report-from"
            type="date"
            label={st('report.from')}
            value={draft.from}
            disabled={draft.preset !== 'custom'}
            onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
            error={shown?.fields.from}
          />
          <TextField
            id="report-to"
            type="date"
            label={st('report.to')}
            value={draft.to}
            disabled={draft.preset !== 'custom'}
            onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
            error={shown?.fields.to}
          />
          <ReportFilterFields draft={draft} onChange={(k, v) => setDraft((d) => ({ ...d, [k]: v }))} />
        </div>
        <button type="submit" className="button primary" disabled={draft.preset === 'custom' && !isValidPeriod(draft)}>
          {st('report.show')}
        </button>
      </form>
      <ProblemBanner shown={shown} />
      {loading && !stats ? <Loading /> : null}
      {stats ? <StatisticsSection stats={stats} busy={loading} /> : null}
      {satisfaction ? <SatisfactionSection report={satisfaction} /> : null}
      {/* Keyed by the period: a new period brings its own month for the monthly report. */}
      <Exports key={`${chosen.from}/${chosen.to}`} period={chosen} filters={filters} />
    </>
  );
}

function ReportFilterFields({ draft, onChange }: { draft: ReportFilters; onChange: (key: keyof ReportFilters, value: string) => void }) {
  const { st, t } = useST();
  const ref = useReference();
  const options: Record<keyof ReportFilters, { value: string; label: string }[]> = {
    kind: KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
    channel: CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
    category_id: ref.categories.map((c) => ({ value: c.id, label: c.name })),
    division_id: ref.divisions.map((d) => ({ value: d.id, label: d.name })),
  };
  return (
    <>
      {REPORT_FILTER_KEYS.map((k) => (
        <SelectField key={k} id={`report-${k}`} label={st(`reports.filter.${k}`)} value={draft[k] ?? ''} onChange={(e) => onChange(k, e.target.value)}>
          <option value="">{st('inbox.any')}</option>
          {options[k].map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      ))}
    </>
  );
}

function StatisticsSection({ stats, busy }: { stats: Statistics; busy: boolean }) {
  const { st, t, lang, day } = useST();
  const percent = usePercent();
  const n = (value: number) => formatNumber(value, lang);
  const median = (d: Statistics['days_to_verify']) => (d.median === null || d.median === undefined ? '—' : n(d.median));
  const spread = (d: Statistics['days_to_verify']) =>
    st('stats.p90', { p90: d.p90 === null || d.p90 === undefined ? '—' : n(d.p90), count: n(d.count) });
  return (
    <section aria-labelledby="stats-h" aria-busy={busy}>
      <h2 id="stats-h">{st('stats.heading', { from: day(stats.from, false), to: day(stats.to, false) })}</h2>
      <ul className="tiles">
        <KeyTiles stats={stats} />
        <Tile
          label={st('stats.reopened')}
          value={percent(stats.reopened)}
          note={st('stats.ofAnswered', { count: n(stats.reopened.count), of: n(stats.reopened.of) })}
          testId="stat-reopened"
        />
        <Tile label={st('stats.toVerify')} value={median(stats.days_to_verify)} note={spread(stats.days_to_verify)} testId="stat-verify" />
        <Tile label={st('stats.toResolve')} value={median(stats.days_to_resolve)} note={spread(stats.days_to_resolve)} testId="stat-resolve" />
      </ul>
      <div className="charts-grid">
        <FlowChart months={stats.by_month} />
        <BarChart
          title={st('stats.byStatus')}
          series={[{ label: st('stats.complaints') }]}
          rows={orderedRows(stats.by_status.map((s) => ({ key: s.status, count: s.count })), STATUSES, (s) => t(`status.${s}`))}
          testId="chart-status"
        />
        <BarChart
          title={st('stats.byKind')}
          series={[{ label: st('stats.complaints') }]}
          rows={orderedRows(stats.by_kind.map((k) => ({ key: k.kind, count: k.count })), KINDS, (k) => t(`kind.${k}`))}
        />
        <BarChart
          title={st('stats.byChannel')}
          series={[{ label: st('stats.complaints') }]}
          rows={orderedRows(stats.by_channel.map((c) => ({ key: c.channel, count: c.count })), CHANNELS, (c) => t(`channel.${c}`))}
        />
        <BarChart
          title={st('stats.byCategory')}
          series={[{ label: st('stats.complaints') }]}
          rows={rankedRows(stats.by_category.map((c) => ({ key: c.category_id, label: c.name, count: c.count })))}
        />
        <BacklogChart backlog={stats.backlog} />
        <WorkloadChart title={st('stats.byDivision')} list={stats.by_division} testId="chart-division" />
        <WorkloadChart title={st('stats.byHandler')} list={stats.by_handler} testId="chart-handler" />
      </div>
    </section>
  );
}

function SatisfactionSection({ report }: { report: Satisfaction }) {
  const { st, t, lookup, lang } = useST();
  const satisfaction = useSatisfaction();
  const mean = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatNumber(value, lang, 2));
  return (
    <section aria-labelledby="report-h">
      <h2 id="report-h">{st('report.title')}</h2>
      <p>{st('report.intro')}</p>
      <dl className="details">
        <dt>{st('report.responses')}</dt>
        <dd data-testid="report-responses">{report.responses}</dd>
        <dt>{st('report.index')}</dt>
        <dd data-testid="report-index">{satisfaction(report)}</dd>
        <dt>{st('report.overall')}</dt>
        <dd>{mean(report.overall_mean)}</dd>
      </dl>
      <p className="small muted">{t('grade.scale')}</p>
      {report.elements.length ? (
        <div className="table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{st('report.elements')}</caption>
            <thead>
              <tr>
                <th scope="col">{st('report.element')}</th>
                <th scope="col">{st('report.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {report.elements.map((e) => (
                <tr key={e.element}>
                  <td>{lookup(`rate.el.${e.element}`) ?? e.element}</td>
                  <td>{mean(e.mean)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{st('report.none')}</p>
      )}
    </section>
  );
}

function Exports({ period, filters }: { period: ChosenPeriod; filters: ReportFilters }) {
  const { st, lookup } = useST();
  const role = useRole();
  const mayIncludeIdentity = role !== null && VERIFYING_ROLES.includes(role);
  const [includeIdentity, setIncludeIdentity] = useState(false);
  const [month, setMonth] = useState(monthOf(period));
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [shown, setShown] = useState<ShownProblem | null>(null);

  async function download(kind: ExportKind) {
    setBusy(kind);
    setShown(null);
    try {
      const request = exportRequest(kind, { ...period, month }, filters, mayIncludeIdentity && includeIdentity);
      const url = new URL(request.path, location.origin);
      for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, String(value));
      const response = await auth.fetch(new Request(url));
      if (!response.ok) throw await problemFromResponse(response);
      saveBlob(await response.blob(), filenameFromDisposition(response.headers.get('Content-Disposition'), request.fallbackName));
    } catch (e) {
      setShown(translateProblem(toProblem(e), lookup));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="exports-h">
      <h2 id="exports-h">{st('reports.exports')}</h2>
      <p>{st('reports.exportsIntro')}</p>
      <div className="inline-form">
        <TextField
          id="report-month"
          type="month"
          label={st('reports.month')}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          error={shown?.fields.month}
        />
      </div>
      <p className="small muted">{st('reports.identityNote')}</p>
      {mayIncludeIdentity ? (
        <CheckField
          id="report-identity"
          label={st('reports.includeIdentity')}
          checked={includeIdentity}
          onChange={(e) => setIncludeIdentity(e.target.checked)}
        />
      ) : null}
      <ProblemBanner shown={shown} />
      <p className="cta-row">
        {EXPORTS.map((kind) => {
          const label = st(`reports.export.${kind.report}.${kind.format}`);
          const mine = busy === kind;
          return (
            <button
              key={`${kind.report}.${kind.format}`}
              type="button"
              className="button"
              disabled={busy !== null}
              aria-busy={mine}
              data-export={`${kind.report}.${kind.format}`}
              onClick={() => void download(kind)}
            >
              {mine ? st('reports.exporting') : label}
            </button>
          );
        })}
      </p>
    </section>
  );
}
