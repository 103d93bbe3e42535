// The satisfaction index of the reporters' evaluations (seed b.8), for
// admin, supervisors and the team lead.
import { useEffect, useState, type FormEvent } from 'react';
import { unwrap } from '../api/public';
import type { components } from '../api/schema';
import { Loading, PageTitle, ProblemBanner, TextField } from '../components/ui';
import { todayInWita } from '../lib/format';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { staffApi, useST } from './session';

type Report = components['schemas']['SatisfactionReport'];

export default function Reports() {
  const { st, lookup, day, lang } = useST();
  const today = todayInWita();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [report, setReport] = useState<Report | null>(null);
  const [shown, setShown] = useState<ShownProblem | null>(null);

  useEffect(() => {
    setShown(null);
    unwrap(staffApi.GET('/api/v1/reports/satisfaction', { params: { query: period } }))
      .then(setReport)
      .catch((e: unknown) => setShown(translateProblem(toProblem(e), lookup)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [period]);

  const number = (n: number | null | undefined, digits = 2) =>
    n === null || n === undefined ? '—' : n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

  return (
    <>
      <PageTitle title={st('report.title')}>{st('report.title')}</PageTitle>
      <p>{st('report.intro')}</p>
      <form
        className="inline-form panel"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setPeriod({ from, to });
        }}
      >
        <TextField id="report-from" type="date" label={st('report.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={shown?.fields.from} />
        <TextField id="report-to" type="date" label={st('report.to')} value={to} onChange={(e) => setTo(e.target.value)} error={shown?.fields.to} />
        <button type="submit" className="button primary">
          {st('report.show')}
        </button>
      </form>
      <ProblemBanner shown={shown} />
      {!report && !shown ? <Loading /> : null}
      {report ? (
        <section aria-labelledby="report-h">
          <h2 id="report-h">
            {day(report.from, false)} – {day(report.to, false)}
          </h2>
          <dl className="details">
            <dt>{st('report.responses')}</dt>
            <dd data-testid="report-responses">{report.responses}</dd>
            <dt>{st('report.index')}</dt>
            <dd>{number(report.index)}</dd>
            <dt>{st('report.grade')}</dt>
            <dd>{report.grade ? `${report.grade.toUpperCase()} — ${st(`report.grade.${report.grade}` as 'report.grade.a')}` : '—'}</dd>
            <dt>{st('report.overall')}</dt>
            <dd>{number(report.overall_mean)}</dd>
          </dl>
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
                      <td>{number(e.mean)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{st('report.none')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
