import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageTitle, ProblemBanner, TextField } from '../components/ui';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import type { Role } from '../api/types';
import { auth, landingPath, useSession, useST } from './session';

function safeNext(next: string | null, role: Role | null | undefined): string {
  return next && next.startsWith('/staff') && !next.startsWith('//') ? next : landingPath(role);
}

export default function Login() {
  const { st, lookup } = useST();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={safeNext(params.get('next'), session.user.role as Role)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setShown(null);
    try {
      const signedIn = await auth.login(username.trim(), password);
      navigate(safeNext(params.get('next'), signedIn.user.role as Role), { replace: true });
    } catch (err) {
      const problem = toProblem(err);
      const t = translateProblem(problem, lookup);
      setShown(problem.status === 401 ? { ...t, summary: st('login.failed') } : t);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <a className="skip" href="#main">
        {lookup('app.skip')}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <div>
            <p className="agency">{lookup('app.agency')}</p>
            <p className="site-title">
              <a href="/">{lookup('app.title')}</a>
            </p>
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        <PageTitle title={st('login.title')}>{st('login.title')}</PageTitle>
        <ProblemBanner shown={shown} />
        <form onSubmit={submit} className="stack" style={{ maxWidth: '24rem' }}>
          <TextField
            id="username"
            label={st('login.username')}
            autoComplete="username"
            autoCapitalize="none"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <TextField
            id="password"
            type="password"
            label={st('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {st('login.submit')}
          </button>
        </form>
      </main>
    </>
  );
}
