// Starts the real API (the aduan binary) on a random port with a fresh SQLite
// database in a temp dir, serving the built app (frontend/dist), and creates
// the staff accounts the tests sign in with.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ADMIN_PASSWORD, STAFF, STAFF_PASSWORD } from './fixtures';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');
const binary = process.env.ADUAN_BIN ?? join(root, 'target/debug/aduan');
const dist = resolve(import.meta.dirname, '../dist');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`aduan exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`aduan did not become ready:\n${log()}`);
}

async function call(url: string, path: string, init: RequestInit & { token?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(`${url}/api/v1${path}`, { ...init, headers });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export default async function setup(project: TestProject) {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run \`cargo build -p aduan\``);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: run \`npm run build\``);
  const dataDir = mkdtempSync(join(tmpdir(), 'aduan-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(binary, ['serve'], {
    env: {
      ...process.env,
      ADUAN_BIND: `127.0.0.1:${port}`,
      ADUAN_DATA_DIR: dataDir,
      ADUAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ADUAN_STATIC_DIR: dist,
      ADUAN_WORKERS: '2',
      // Every test signs in afresh from one address; the default limit is for people.
      ADUAN_RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
      RUST_LOG: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's log, for when a test fails: e2e/.results/aduan.log.
  const logDir = resolve(import.meta.dirname, '.results');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'aduan.log');
  writeFileSync(logFile, '');
  const keep = (d: Buffer) => {
    output += d;
    appendFileSync(logFile, d);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, signal) => appendFileSync(logFile, `\n[aduan exited: code ${code}, signal ${signal}]\n`));
  await waitReady(url, child, () => output);

  const login = await call(url, '/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const token: string = login.access_token;
  const divisions: { id: string; code: string }[] = await call(url, '/divisions', { token });
  for (const user of STAFF) {
    const division = user.division ? divisions.find((d) => d.code === user.division)?.id : null;
    await call(url, '/admin/users', {
      method: 'POST',
      token,
      body: JSON.stringify({
        username: user.username,
        full_name: user.fullName,
        role: user.role,
        division_id: division ?? null,
        password: STAFF_PASSWORD,
      }),
    });
  }

  project.provide('baseUrl', url);
  return () => {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
}
