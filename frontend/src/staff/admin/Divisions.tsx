import { useState } from 'react';
import { unwrap } from '../../api/public';
import type { Division } from '../../api/types';
import { CheckField, ProblemBanner, TextField } from '../../components/ui';
import { loadReference } from '../reference';
import { staffApi, useST } from '../session';
import { useAdminList } from './useAdmin';

function Row({ d, onSave }: { d: Division; onSave: (patch: { code: string; name: string; active: boolean }) => void }) {
  const { st } = useST();
  const [code, setCode] = useState(d.code);
  const [name, setName] = useState(d.name);
  const [active, setActive] = useState(d.active);
  const changed = code !== d.code || name !== d.name || active !== d.active;
  return (
    <tr>
      <td>
        <label className="visually-hidden" htmlFor={`div-code-${d.id}`}>
          {st('admin.code')} {d.code}
        </label>
        <input id={`div-code-${d.id}`} value={code} onChange={(e) => setCode(e.target.value)} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`div-name-${d.id}`}>
          {st('admin.name')} {d.code}
        </label>
        <input id={`div-name-${d.id}`} value={name} onChange={(e) => setName(e.target.value)} />
      </td>
      <td>
        <CheckField id={`div-active-${d.id}`} label={st('admin.active')} checked={active} onChange={(e) => setActive(e.target.checked)} />
      </td>
      <td>
        <button type="button" className="button" disabled={!changed} onClick={() => onSave({ code: code.trim(), name: name.trim(), active })}>
          {st('admin.save')} <span className="visually-hidden">{d.code}</span>
        </button>
      </td>
    </tr>
  );
}

export default function Divisions() {
  const { st } = useST();
  const { items, shown, saved, run } = useAdminList(() => unwrap(staffApi.GET('/api/v1/divisions')));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const errors = shown?.fields ?? {};
  return (
    <section aria-labelledby="div-h">
      <h2 id="div-h">{st('admin.divisions')}</h2>
      <ProblemBanner shown={shown} />
      {saved ? (
        <p className="alert success" role="status">
          {st('admin.saved')}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{st('admin.code')}</th>
              <th scope="col">{st('admin.name')}</th>
              <th scope="col">{st('admin.active')}</th>
              <th scope="col">
                <span className="visually-hidden">{st('admin.save')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <Row
                key={`${d.id}-${d.code}-${d.name}-${d.active}`}
                d={d}
                onSave={(patch) =>
                  void run(() =>
                    unwrap(staffApi.PATCH('/api/v1/admin/divisions/{id}', { params: { path: { id: d.id } }, body: patch })),
                  ).then(() => loadReference(true))
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      <h3>{st('admin.newDivision')}</h3>
      <form
        className="inline-form panel"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await run(() => unwrap(staffApi.POST('/api/v1/admin/divisions', { body: { code: code.trim(), name: name.trim() } })));
          if (ok) {
            setCode('');
            setName('');
            void loadReference(true);
          }
        }}
      >
        <TextField id="new-div-code" label={st('admin.code')} required value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} />
        <TextField id="new-div-name" label={st('admin.name')} required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <button type="submit" className="button primary">
          {st('admin.add')}
        </button>
      </form>
    </section>
  );
}
