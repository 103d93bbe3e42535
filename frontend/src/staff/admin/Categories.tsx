import { useState } from 'react';
import { unwrap } from '../../api/public';
import type { Category } from '../../api/types';
import { CheckField, ProblemBanner, SelectField, TextArea, TextField } from '../../components/ui';
import { loadReference, useReference } from '../reference';
import { staffApi, useST } from '../session';
import { useAdminList } from './useAdmin';

interface Editable {
  code: string;
  name: string;
  description: string;
  resolution_days: string;
  default_division_id: string;
  active: boolean;
}

function CategoryForm({
  prefix,
  initial,
  onSubmit,
  submitLabel,
  errors,
  withActive,
}: {
  prefix: string;
  initial: Editable;
  onSubmit: (f: Editable) => Promise<boolean>;
  submitLabel: string;
  errors: Record<string, string>;
  withActive: boolean;
}) {
  const { st } = useST();
  const ref = useReference();
  const [f, setF] = useState(initial);
  const set = <K extends keyof Editable>(k: K, v: Editable[K]) => setF((s) => ({ ...s, [k]: v }));
  return (
    <form
      className="panel filters"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await onSubmit(f)) && !withActive) setF(initial);
      }}
    >
      <TextField id={`${prefix}-code`} label={st('admin.code')} required value={f.code} onChange={(e) => set('code', e.target.value)} error={errors.code} />
      <TextField id={`${prefix}-name`} label={st('admin.name')} required value={f.name} onChange={(e) => set('name', e.target.value)} error={errors.name} />
      <TextField
        id={`${prefix}-days`}
        type="number"
        min={1}
        max={60}
        inputMode="numeric"
        label={st('admin.days')}
        required
        value={f.resolution_days}
        onChange={(e) => set('resolution_days', e.target.value)}
        error={errors.resolution_days}
      />
      <SelectField id={`${prefix}-division`} label={st('admin.defaultDivision')} value={f.default_division_id} onChange={(e) => set('default_division_id', e.target.value)} error={errors.default_division_id}>
        <option value="">{st('admin.none')}</option>
        {ref.divisions.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextArea id={`${prefix}-description`} label={st('admin.description')} rows={2} value={f.description} onChange={(e) => set('description', e.target.value)} error={errors.description} />
      {withActive ? <CheckField id={`${prefix}-active`} label={st('admin.active')} checked={f.active} onChange={(e) => set('active', e.target.checked)} /> : null}
      <p className="cta-row">
        <button type="submit" className="button primary">
          {submitLabel}
        </button>
      </p>
    </form>
  );
}

function toEditable(c: Category): Editable {
  return {
    code: c.code,
    name: c.name,
    description: c.description,
    resolution_days: String(c.resolution_days),
    default_division_id: c.default_division_id ?? '',
    active: c.active,
  };
}

export default function Categories() {
  const { st } = useST();
  const ref = useReference();
  const { items, shown, saved, run } = useAdminList(() => unwrap(staffApi.GET('/api/v1/admin/categories')));
  const [editing, setEditing] = useState<string | null>(null);
  const errors = shown?.fields ?? {};
  const editingCategory = items.find((c) => c.id === editing);
  return (
    <section aria-labelledby="cat-h">
      <h2 id="cat-h">{st('admin.categories')}</h2>
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
              <th scope="col">{st('admin.days')}</th>
              <th scope="col">{st('admin.defaultDivision')}</th>
              <th scope="col">{st('admin.active')}</th>
              <th scope="col">
                <span className="visually-hidden">{st('admin.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td className="mono">{c.code}</td>
                <td>{c.name}</td>
                <td>{c.resolution_days}</td>
                <td>{ref.divisions.find((d) => d.id === c.default_division_id)?.name ?? st('admin.none')}</td>
                <td>{c.active ? st('admin.active') : st('admin.inactive')}</td>
                <td>
                  <button type="button" className="link" aria-expanded={editing === c.id} onClick={() => setEditing(editing === c.id ? null : c.id)}>
                    {st('admin.edit')} <span className="visually-hidden">{c.code}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editingCategory ? (
        <>
          <h3>
            {st('admin.edit')}: {editingCategory.code}
          </h3>
          <CategoryForm
            key={editingCategory.id}
            prefix="edit-cat"
            withActive
            errors={errors}
            initial={toEditable(editingCategory)}
            submitLabel={st('admin.save')}
            onSubmit={async (f) => {
              const ok = await run(() =>
                unwrap(
                  staffApi.PATCH('/api/v1/admin/categories/{id}', {
                    params: { path: { id: editingCategory.id } },
                    body: {
                      code: f.code.trim(),
                      name: f.name.trim(),
                      description: f.description.trim(),
                      resolution_days: Number(f.resolution_days),
                      default_division_id: f.default_division_id || null,
                      active: f.active,
                    },
                  }),
                ),
              );
              if (ok) {
                setEditing(null);
                void loadReference(true);
              }
              return ok;
            }}
          />
        </>
      ) : null}
      <h3>{st('admin.newCategory')}</h3>
      <CategoryForm
        prefix="new-cat"
        withActive={false}
        errors={editing ? {} : errors}
        initial={{ code: '', name: '', description: '', resolution_days: '14', default_division_id: '', active: true }}
        submitLabel={st('admin.add')}
        onSubmit={(f) =>
          run(() =>
            unwrap(
              staffApi.POST('/api/v1/admin/categories', {
                body: {
                  code: f.code.trim(),
                  name: f.name.trim(),
                  description: f.description.trim(),
                  resolution_days: Number(f.resolution_days),
                  default_division_id: f.default_division_id || null,
                },
              }),
            ),
          )
        }
      />
    </section>
  );
}
