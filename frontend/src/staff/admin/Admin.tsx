// Administration (admin role): users, divisions, categories and holidays.
import { lazy } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { PageTitle } from '../../components/ui';
import { useRole, useST } from '../session';

const Users = lazy(() => import('./Users'));
const Divisions = lazy(() => import('./Divisions'));
const Categories = lazy(() => import('./Categories'));
const Holidays = lazy(() => import('./Holidays'));

export default function Admin() {
  const { st } = useST();
  const role = useRole();
  if (role !== 'admin') return <Navigate to="/staff" replace />;
  return (
    <>
      <PageTitle title={st('admin.title')}>{st('admin.title')}</PageTitle>
      <nav aria-label={st('admin.title')} className="main-nav">
        <NavLink to="/staff/admin/users">{st('admin.users')}</NavLink>
        <NavLink to="/staff/admin/divisions">{st('admin.divisions')}</NavLink>
        <NavLink to="/staff/admin/categories">{st('admin.categories')}</NavLink>
        <NavLink to="/staff/admin/holidays">{st('admin.holidays')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<Users />} />
        <Route path="divisions" element={<Divisions />} />
        <Route path="categories" element={<Categories />} />
        <Route path="holidays" element={<Holidays />} />
      </Routes>
    </>
  );
}
