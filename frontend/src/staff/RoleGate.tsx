// Pages for some roles only: others get a plain explanation instead of the
// API's refusals (the API enforces the same rule).
import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import { PageTitle } from '../components/ui';
import { useRole, useST } from './session';

export function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { st, lookup } = useST();
  const role = useRole();
  if (role && roles.includes(role)) return <>{children}</>;
  return (
    <>
      <PageTitle title={st('gate.title')}>{st('gate.title')}</PageTitle>
      <div className="alert warning" data-testid="not-allowed">
        <p>{st('gate.text', { roles: roles.map((r) => lookup(`role.${r}`) ?? r).join(', ') })}</p>
      </div>
    </>
  );
}
