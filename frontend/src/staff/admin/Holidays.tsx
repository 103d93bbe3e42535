import { useEffect, useState } from 'react';
import { unwrap } from '../../api/public';
import type { HolidaySetView } from '../../api/types';
import { CheckField, ProblemBanner, SelectField, TextField } from '../../components/ui';
import { todayInWita } from '../../lib/format';
import { toProblem, translateProblem, type ShownProblem } from '../../lib/problem';
import { staffApi, useST } from '../session';
import { useAdminList } from './useAdmin';

export default function Holidays() {
  const { st, day, lookup } = useST();
  const thisYear = Number(todayInWita().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { items, shown, saved, run } = useAdminList(
    () => unwrap(staffApi.GET('/api/v1/admin/holidays', { params: { query: { year } } })),
    [year],
  );
  const [sets, setSets] = useState<HolidaySetView[]>([]);
  const [setProblem, setSetProblem] = useState<ShownProblem | null>(null);
  const [newDay, setNewDay] = useState('');
  const [name, setName] = useState('');
  const [setCode, setSetCode] = useState('national');
  const errors = shown?.fields ?? {};

  const loadSets = () =>
    unwrap(staffApi.GET('/api/v1/admin/holiday-sets'))
      .then(setSets)
      .catch((e: unknown) => setSetProblem(translateProblem(toProblem(e), lookup)));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void loadSets(), []);

  const sorted = [...items].sort((a, b) => a.day.localeCompare(b.day));
  return (
    <section aria-labelledby="hol-h">
      <h2 id="hol-h">{st('admin.holidays')}</h2>
      <h3>{st('admin.sets')}</h3>
      <ProblemBanner shown={setProblem} />
      <ul className="cards">
        {sets.map((s) => (
          <li key={s.code} className="card">
            <CheckField
              id={`set-${s.code}`}
              label={`${s.name} (${s.code}) — ${st('admin.setEnabled')}`}
              checked={s.enabled}
              onChange={async (e) => {
                setSetProblem(null);
                try {
                  await unwrap(
                    staffApi.PATCH('/api/v1/admin/holiday-sets/{code}', {
                      params: { path: { code: s.code } },
                      body: { enabled: e.target.checked },
                    }),
                  );
                  await loadSets();
                } catch (err) {
                  setSetProblem(translateProblem(toProblem(err), lookup));
                }
              }}
            />
          </li>
        ))}
      </ul>

      <h3>{st('admin.holidays')}</h3>
      <ProblemBanner shown={shown} />
      {saved ? (
        <p className="alert success" role="status">
          {st('admin.saved')}
        </p>
      ) : null}
      <div className="inline-form">
        <SelectField id="hol-year" label={st('admin.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{st('admin.day')}</th>
              <th scope="col">{st('admin.name')}</th>
              <th scope="col">{st('admin.set')}</th>
              <th scope="col">
                <span className="visually-hidden">{st('admin.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((h) => (
              <tr key={h.id}>
                <td>{day(h.day)}</td>
                <td>{h.name}</td>
                <td>{sets.find((s) => s.code === h.set_code)?.name ?? h.set_code}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      if (window.confirm(st('admin.removeConfirm', { name: h.name, day: h.day }))) {
                        void run(() => unwrap(staffApi.DELETE('/api/v1/admin/holidays/{id}', { params: { path: { id: h.id } } })));
                      }
                    }}
                  >
                    {st('admin.remove')} <span className="visually-hidden">{h.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{st('admin.newHoliday')}</h3>
      <form
        className="inline-form panel"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await run(() =>
            unwrap(staffApi.POST('/api/v1/admin/holidays', { body: { day: newDay, name: name.trim(), set_code: setCode } })),
          );
          if (ok) {
            setNewDay('');
            setName('');
          }
        }}
      >
        <TextField id="new-hol-day" type="date" label={st('admin.day')} required value={newDay} onChange={(e) => setNewDay(e.target.value)} error={errors.day} />
        <TextField id="new-hol-name" label={st('admin.name')} required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <SelectField id="new-hol-set" label={st('admin.set')} value={setCode} onChange={(e) => setSetCode(e.target.value)} error={errors.set_code}>
          {sets.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button primary">
          {st('admin.add')}
        </button>
      </form>
    </section>
  );
}
