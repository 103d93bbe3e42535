import { useState, type FormEvent } from 'react';
import { unwrap } from '../../api/public';
import { ROLES, type Role, type UserView } from '../../api/types';
import { CheckField, ProblemBanner, SelectField, TextField } from '../../components/ui';
import { loadReference, useReference } from '../reference';
import { staffApi, useST } from '../session';
import { useAdminList } from './useAdmin';

interface Editable {
  full_name: string;
  email: string;
  role: Role;
  division_id: string;
  supervisor_id: string;
  active: boolean;
  password: string;
}

function UserForm({
  initial,
  users,
  isNew,
  onSubmit,
  onCancel,
  username,
  setUsername,
  errors,
}: {
  initial: Editable;
  users: UserView[];
  isNew: boolean;
  onSubmit: (e: Editable) => void;
  onCancel?: () => void;
  username?: string;
  setUsername?: (v: string) => void;
  errors: Record<string, string>;
}) {
  const { st, t } = useST();
  const ref = useReference();
  const [f, setF] = useState(initial);
  const set = <K extends keyof Editable>(k: K, v: Editable[K]) => setF((s) => ({ ...s, [k]: v }));
  const prefix = isNew ? 'new-user' : 'edit-user';
  return (
    <form
      className="panel filters"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit(f);
      }}
      noValidate
    >
      {isNew ? (
        <TextField id={`${prefix}-username`} label={st('admin.username')} required value={username ?? ''} onChange={(e) => setUsername?.(e.target.value)} error={errors.username} autoComplete="off" />
      ) : null}
      <TextField id={`${prefix}-full_name`} label={st('admin.fullName')} required value={f.full_name} onChange={(e) => set('full_name', e.target.value)} error={errors.full_name} />
      <TextField id={`${prefix}-email`} type="email" label={st('admin.email')} value={f.email} onChange={(e) => set('email', e.target.value)} error={errors.email} />
      <SelectField id={`${prefix}-role`} label={st('admin.role')} required value={f.role} onChange={(e) => set('role', e.target.value as Role)} error={errors.role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${prefix}-division`} label={st('admin.division')} required={f.role === 'division_staff'} value={f.division_id} onChange={(e) => set('division_id', e.target.value)} error={errors.division_id}>
        <option value="">{st('admin.none')}</option>
        {ref.divisions.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${prefix}-supervisor`} label={st('admin.supervisor')} value={f.supervisor_id} onChange={(e) => set('supervisor_id', e.target.value)} error={errors.supervisor_id}>
        <option value="">{st('admin.none')}</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.full_name} ({t(`role.${u.role}`)})
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${prefix}-password`}
        type="password"
        autoComplete="new-password"
        label={isNew ? st('admin.password') : st('admin.newPassword')}
        required={isNew}
        value={f.password}
        onChange={(e) => set('password', e.target.value)}
        error={errors.password}
      />
      {!isNew ? <CheckField id={`${prefix}-active`} label={st('admin.active')} checked={f.active} onChange={(e) => set('active', e.target.checked)} /> : null}
      <p className="cta-row">
        <button type="submit" className="button primary">
          {isNew ? st('admin.add') : st('admin.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {st('admin.cancel')}
          </button>
        ) : null}
      </p>
    </form>
  );
}

const blank: Editable = { full_name: '', email: '', role: 'complaint_officer', division_id: '', supervisor_id: '', active: true, password: '' };

export default function Users() {
  const { st, t } = useST();
  const ref = useReference();
  const { items, shown, saved, run } = useAdminList(() => unwrap(staffApi.GET('/api/v1/admin/users')));
  const [editing, setEditing] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [formKey, setFormKey] = useState(0);
  const errors = shown?.fields ?? {};
  const opt = (v: string) => (v.trim() ? v.trim() : null);

  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h">{st('admin.users')}</h2>
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
              <th scope="col">{st('admin.username')}</th>
              <th scope="col">{st('admin.fullName')}</th>
              <th scope="col">{st('admin.role')}</th>
              <th scope="col">{st('admin.division')}</th>
              <th scope="col">{st('admin.supervisor')}</th>
              <th scope="col">{st('admin.active')}</th>
              <th scope="col">
                <span className="visually-hidden">{st('admin.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id}>
                <td className="mono">{u.username}</td>
                <td>{u.full_name}</td>
                <td>{t(`role.${u.role}`)}</td>
                <td>{ref.divisions.find((d) => d.id === u.division_id)?.name ?? st('admin.none')}</td>
                <td>{items.find((s) => s.id === u.supervisor_id)?.full_name ?? st('admin.none')}</td>
                <td>{u.active ? st('admin.active') : st('admin.inactive')}</td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(editing === u.id ? null : u.id)} aria-expanded={editing === u.id}>
                    {st('admin.edit')} <span className="visually-hidden">{u.username}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing
        ? (() => {
            const u = items.find((x) => x.id === editing);
            if (!u) return null;
            return (
              <>
                <h3>
                  {st('admin.edit')}: {u.username}
                </h3>
                <UserForm
                  key={u.id}
                  isNew={false}
                  users={items.filter((x) => x.id !== u.id)}
                  errors={errors}
                  initial={{
                    full_name: u.full_name,
                    email: u.email ?? '',
                    role: u.role,
                    division_id: u.division_id ?? '',
                    supervisor_id: u.supervisor_id ?? '',
                    active: u.active,
                    password: '',
                  }}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (f) => {
                    const ok = await run(() =>
                      unwrap(
                        staffApi.PATCH('/api/v1/admin/users/{id}', {
                          params: { path: { id: u.id } },
                          body: {
                            full_name: f.full_name.trim(),
                            email: opt(f.email),
                            role: f.role,
                            division_id: f.division_id || null,
                            supervisor_id: f.supervisor_id || null,
                            active: f.active,
                            ...(f.password ? { password: f.password } : {}),
                          },
                        }),
                      ),
                    );
                    if (ok) {
                      setEditing(null);
                      void loadReference(true);
                    }
                  }}
                />
              </>
            );
          })()
        : null}
      <h3>{st('admin.newUser')}</h3>
      <UserForm
        key={formKey}
        isNew
        users={items}
        errors={editing ? {} : errors}
        initial={blank}
        username={username}
        setUsername={setUsername}
        onSubmit={async (f) => {
          const ok = await run(() =>
            unwrap(
              staffApi.POST('/api/v1/admin/users', {
                body: {
                  username: username.trim(),
                  full_name: f.full_name.trim(),
                  email: opt(f.email),
                  role: f.role,
                  division_id: f.division_id || null,
                  supervisor_id: f.supervisor_id || null,
                  password: f.password,
                },
              }),
            ),
          );
          if (ok) {
            setUsername('');
            setFormKey((k) => k + 1);
            void loadReference(true);
          }
        }}
      />
    </section>
  );
}
