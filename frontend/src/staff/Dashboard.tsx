// The supervisor's landing page: this month's key figures, the flow of the
// last six months, the backlog and workload, and the complaints past their
// deadline or close to it.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { publicApi, unwrap } from '../api/public';
import type { ComplaintSummary } from '../api/types';
import { Loading, PageTitle, ProblemBanner, SlaBadge } from '../components/ui';
import { formatNumber, todayInWita } from '../lib/format';
import { monthStart, presetPeriod } from '../lib/period';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { workingDaysAfter } from '../lib/workingDays';
import { staffApi, useST } from './session';
import type { Statistics } from './statistics';
import { BacklogChart, FlowChart, KeyTiles, WorkloadChart } from './StatisticsParts';

/** Months in the flow chart, this one included. */
const FLOW_MONTHS = 6;
/** The inbox's largest page: a longer overdue list is a matter for the inbox itself. */
const LIST_LIMIT = 100;

interface Late {
  complaint: ComplaintSummary;
  /** Working days past the deadline (0 for those only at risk). */
  daysLate: number;
}

/** The holidays of the years the deadlines fall in, for counting working days late. */
async function holidaysFor(days: string[]): Promise<Set<string>> {
  const years = [...new Set(days.map((d) => Number(d.slice(0, 4))))];
  const lists = await Promise.all(years.map((year) => unwrap(publicApi.GET('/api/v1/holidays', { params: { query: { year } } }))));
  return new Set(lists.flat().map((h) => h.day));
}

async function loadLate(today: string): Promise<{ overdue: Late[]; atRisk: Late[] }> {
  const list = (sla: 'overdue' | 'at_risk') =>
    unwrap(staffApi.GET('/api/v1/complaints', { params: { query: { sla, limit: LIST_LIMIT, sort: 'received_at' } } })).then((p) => p.items);
  const [overdue, atRisk] = await Promise.all([list('overdue'), list('at_risk')]);
  const dues = [...overdue, ...atRisk].map((c) => c.sla.due_on).filter((d): d is string => !!d);
  const holidays = await holidaysFor([...dues, today]);
  const late = (c: ComplaintSummary): Late => ({ complaint: c, daysLate: c.sla.due_on ? workingDaysAfter(c.sla.due_on, today, holidays) : 0 });
  return {
    overdue: overdue.map(late).sort((a, b) => b.daysLate - a.daysLate),
    atRisk: atRisk.map(late).sort((a, b) => (a.complaint.sla.due_on ?? '').localeCompare(b.complaint.sla.due_on ?? '')),
  };
}

export default function Dashboard() {
  const { st, lookup } = useST();
  const [month, setMonth] = useState<Statistics | null>(null);
  const [flow, setFlow] = useState<Statistics | null>(null);
  const [late, setLate] = useState<{ overdue: Late[]; atRisk: Late[] } | null>(null);
  const [shown, setShown] = useState<ShownProblem | null>(null);

  useEffect(() => {
    const today = todayInWita();
    let live = true;
    const fail = (e: unknown) => live && setShown(translateProblem(toProblem(e), lookup));
    const statistics = (from: string, to: string) => unwrap(staffApi.GET('/api/v1/reports/statistics', { params: { query: { from, to } } }));
    statistics(presetPeriod('this_month', today).from, today)
      .then((s) => live && setMonth(s))
      .catch(fail);
    statistics(monthStart(today, FLOW_MONTHS - 1), today)
      .then((s) => live && setFlow(s))
      .catch(fail);
    loadLate(today)
      .then((l) => live && setLate(l))
      .catch(fail);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <>
      <PageTitle title={st('dash.title')}>{st('dash.title')}</PageTitle>
      <ProblemBanner shown={shown} />
      <section aria-labelledby="dash-month">
        <h2 id="dash-month">{st('dash.thisMonth')}</h2>
        {month ? (
          <ul className="tiles">
            <KeyTiles stats={month} />
          </ul>
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="dash-late">
        <h2 id="dash-late">{st('dash.late')}</h2>
        {late ? (
          <>
            <LateList title={st('dash.overdue')} sla="overdue" items={late.overdue} empty={st('dash.noneOverdue')} testId="overdue-list" />
            <LateList title={st('dash.atRisk')} sla="at_risk" items={late.atRisk} empty={st('dash.noneAtRisk')} testId="at-risk-list" />
          </>
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="dash-charts">
        <h2 id="dash-charts">{st('dash.charts')}</h2>
        <div className="charts-grid">
          {flow ? <FlowChart months={flow.by_month} /> : null}
          {month ? <BacklogChart backlog={month.backlog} /> : null}
          {month ? <WorkloadChart title={st('stats.byDivision')} list={month.by_division} testId="chart-division" /> : null}
        </div>
      </section>
    </>
  );
}

function LateList({ title, sla, items, empty, testId }: { title: string; sla: 'overdue' | 'at_risk'; items: Late[]; empty: string; testId: string }) {
  const { st, day, lang } = useST();
  return (
    <>
      <h3>
        {title} ({formatNumber(items.length, lang)}
        {items.length >= LIST_LIMIT ? '+' : ''})
      </h3>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <p>
          <Link to={`/staff?sla=${sla}`}>{st('dash.inInbox', { list: title.toLowerCase() })}</Link>
        </p>
      )}
      <ul className="cards" data-testid={testId}>
        {items.map(({ complaint: c, daysLate }) => (
          <li key={c.id} className="card">
            <h4>
              <Link to={`/staff/complaints/${c.id}`}>{c.subject}</Link>
            </h4>
            <p className="meta">
              <SlaBadge state={c.sla.state} />
              <span className="mono">{c.register_number}</span>
              {c.sla.due_on ? <span>{st('inbox.due', { date: day(c.sla.due_on, false) })}</span> : null}
              {daysLate > 0 ? <strong data-testid="days-late">{st('dash.daysLate', { count: formatNumber(daysLate, lang) })}</strong> : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
