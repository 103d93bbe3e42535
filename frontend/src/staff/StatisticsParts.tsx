// Pieces of the statistics report the reports page and the dashboard share:
// the key figures as tiles, and the charts of flow, backlog and workload.
import { BarChart, Tile } from '../components/charts';
import { formatMonth, formatNumber } from '../lib/format';
import { indexText, monthRows, percentText } from '../lib/figures';
import { ageRows, workloadRows, type Statistics } from './statistics';
import { useST } from './session';

export function usePercent() {
  const { lang } = useST();
  return (share: { count: number; of: number; percent?: number | null }) => percentText(share, lang);
}

export function useSatisfaction() {
  const { lang, lookup } = useST();
  return (summary: { index?: number | null; grade?: string | null }) => indexText(summary, lang, (g) => lookup(`grade.${g}`) ?? g);
}

/** The five figures a supervisor checks first. */
export function KeyTiles({ stats }: { stats: Statistics }) {
  const { st, lang, day } = useST();
  const percent = usePercent();
  const satisfaction = useSatisfaction();
  const n = (value: number) => formatNumber(value, lang);
  return (
    <>
      <Tile label={st('stats.received')} value={n(stats.received)} testId="stat-received" />
      <Tile
        label={st('stats.finished')}
        value={n(stats.finished)}
        note={st('stats.finishedNote', { answered: n(stats.answered), rejected: n(stats.rejected) })}
        testId="stat-finished"
      />
      <Tile
        label={st('stats.sla')}
        value={percent(stats.sla)}
        note={st('stats.ofAnswered', { count: n(stats.sla.count), of: n(stats.sla.of) })}
        testId="stat-sla"
      />
      <Tile
        label={st('stats.backlog')}
        value={n(stats.backlog.total)}
        note={st('stats.backlogNote', { overdue: n(stats.backlog.overdue), date: day(stats.backlog.as_of, false) })}
        testId="stat-backlog"
      />
      <Tile
        label={st('stats.satisfaction')}
        value={satisfaction(stats.satisfaction)}
        note={st('stats.responses', { count: n(stats.satisfaction.responses) })}
        testId="stat-satisfaction"
      />
    </>
  );
}

export function FlowChart({ months }: { months: Statistics['by_month'] }) {
  const { st, lang } = useST();
  return (
    <BarChart
      title={st('stats.flow')}
      orientation="vertical"
      series={[{ label: st('stats.received') }, { label: st('stats.finished') }]}
      rows={monthRows(months, (m) => formatMonth(m, lang))}
      testId="chart-flow"
    />
  );
}

export function BacklogChart({ backlog }: { backlog: Statistics['backlog'] }) {
  const { st } = useST();
  return (
    <BarChart
      title={st('stats.backlogByAge')}
      orientation="vertical"
      series={[{ label: st('stats.complaints') }]}
      rows={ageRows(backlog.by_age)}
      testId="chart-backlog"
    />
  );
}

export function WorkloadChart({ title, list, testId }: { title: string; list: Statistics['by_division']; testId: string }) {
  const { st } = useST();
  return (
    <BarChart
      title={title}
      series={[{ label: st('stats.open') }, { label: st('stats.overdue') }, { label: st('stats.finished') }]}
      rows={workloadRows(list, st('stats.unassigned'))}
      testId={testId}
    />
  );
}
