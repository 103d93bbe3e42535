// Reports, the supervisor's dashboard, the audit log and the public
// transparency page, over complaints seeded through the API and moved along
// their lifecycle.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInWita } from '../src/lib/format';
import { apiGet, apiPost, apiToken } from './api';
import { baseUrl, capture, DESKTOP, launch, newPage, signIn } from './browser';
import { ADMIN_PASSWORD, NIK } from './fixtures';

interface Receipt {
  id: string;
  tracking_code: string;
}
interface Complaint {
  id: string;
  version: number;
}
interface Statistics {
  received: number;
  finished: number;
  backlog: { total: number };
}

const OVERDUE_SUBJECT = 'Surat permohonan izin reklame tidak pernah dibalas';
/** Personal data the public page must never show. */
const SECRETS = ['Ni Komang Rahasiawati', 'I Ketut Tersembunyi', NIK, 'komang.rahasia@example.com', 'ketut.sembunyi@example.com'];

async function act(id: string, action: string, body: Record<string, unknown>, token: string): Promise<void> {
  const current = await apiGet<Complaint>(`/complaints/${id}`, token);
  await apiPost(`/complaints/${id}/${action}`, { ...body, version: current.version }, token);
}

describe('reports, dashboard, audit and transparency', () => {
  let browser: Browser;
  let page: Page;
  let overdueId = '';

  beforeAll(async () => {
    browser = await launch();
    const officer = await apiToken('officer');
    const lead = await apiToken('lead');
    const pelayanan = await apiToken('pelayanan');
    const categories = await apiGet<{ id: string }[]>('/categories');
    const divisions = await apiGet<{ id: string; code: string }[]>('/divisions', lead);
    const staff = await apiGet<{ id: string; full_name: string }[]>('/staff', lead);

    // A letter keyed in 40 days after it arrived: long past its verification deadline.
    const late = await apiPost<Receipt>(
      '/intake',
      {
        kind: 'complaint',
        channel: 'letter',
        category_id: categories[0].id,
        subject: OVERDUE_SUBJECT,
        description: 'Surat dikirim ke kantor dan belum ada tanggapan.',
        received_at: new Date(Date.now() - 40 * 86_400_000).toISOString(),
        reporter: { name: 'Ni Komang Rahasiawati', id_type: 'ktp', id_number: NIK, address: 'Br. Sekar, Bangli', email: 'komang.rahasia@example.com' },
      },
      officer,
    );
    overdueId = late.id;

    // A complaint answered today: verified, sent to the division, answered.
    const answered = await apiPost<Receipt>('/complaints', {
      kind: 'complaint',
      category_id: categories[0].id,
      subject: 'Loket OSS tutup lebih awal',
      description: 'Loket tutup pukul 12.00 padahal jadwal sampai 15.00.',
      reporter: { name: 'I Ketut Tersembunyi', id_type: 'ktp', id_number: NIK, address: 'Jl. Nusantara, Bangli', email: 'ketut.sembunyi@example.com' },
    });
    await act(answered.id, 'verify', { requirements: { identity: true, address: true, evidence: true } }, officer);
    const division = divisions.find((d) => d.code === 'PELAYANAN')!;
    const handler = staff.find((s) => s.full_name === 'Ni Ketut Pelayanan')!;
    await act(answered.id, 'disposition', { division_id: division.id, assignee_id: handler.id }, lead);
    await act(answered.id, 'start', {}, pelayanan);
    await act(answered.id, 'resolve', { answer: 'Jadwal loket sudah diperbaiki sampai pukul 15.00.' }, pelayanan);

    // A suggestion turned down.
    const rejected = await apiPost<Receipt>('/complaints', {
      kind: 'suggestion',
      category_id: categories[0].id,
      subject: 'Tambahkan parkir sepeda',
      description: 'Parkir sepeda di depan kantor belum ada.',
    });
    await act(rejected.id, 'reject', { reason: 'not_relevant', message: 'Di luar layanan perizinan.' }, officer);

    page = (await newPage(browser, DESKTOP)).page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the supervisor lands on the dashboard with tiles, charts and the overdue list', async () => {
    await signIn(page, 'pengawas');
    await page.waitForURL(/\/staff\/dashboard$/);
    await page.getByRole('heading', { name: 'Dasbor pengawas', level: 1 }).waitFor();
    await page.getByTestId('stat-received').waitFor();
    await page.getByTestId('chart-backlog').locator('svg[role="img"]').waitFor();
    await expect(page.getByTestId('chart-backlog').locator('svg').getAttribute('aria-label')).resolves.toMatch(/Belum selesai menurut umur/);
    const overdue = page.getByTestId('overdue-list');
    await overdue.getByRole('link', { name: OVERDUE_SUBJECT }).waitFor();
    await expect(overdue.locator('li', { hasText: OVERDUE_SUBJECT }).getByTestId('days-late').textContent()).resolves.toMatch(
      /^terlambat \d+ hari kerja$/,
    );
    await capture(page, 'dashboard');
    // The whole list is a click away in the inbox.
    await page.getByRole('link', { name: 'Buka di kotak masuk: melewati tenggat' }).click();
    await page.waitForURL(/\/staff\?sla=overdue$/);
    await page.getByTestId('inbox-list').getByRole('link', { name: OVERDUE_SUBJECT }).waitFor();
    await page.goBack();
    await overdue.getByRole('link', { name: OVERDUE_SUBJECT }).click();
    await page.waitForURL(new RegExp(`/staff/complaints/${overdueId}$`));
    await page.getByRole('heading', { name: OVERDUE_SUBJECT }).waitFor();
  });

  it('the reports page keeps the period and filters in the URL and shows the API figures', async () => {
    await page.getByRole('link', { name: 'Laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan dan statistik', level: 1 }).waitFor();
    await page.locator('#report-preset').selectOption('this_year');
    await page.locator('#report-kind').selectOption('complaint');
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await page.waitForURL(/preset=this_year&kind=complaint/);

    const today = todayInWita();
    const token = await apiToken('pengawas');
    const stats = await apiGet<Statistics>(`/reports/statistics?from=${today.slice(0, 4)}-01-01&to=${today}&kind=complaint`, token);
    expect(stats.finished).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('stat-received').textContent()).toBe(String(stats.received));
    await expect(page.getByTestId('stat-finished').textContent()).resolves.toBe(String(stats.finished));
    await expect(page.getByTestId('stat-backlog').textContent()).resolves.toBe(String(stats.backlog.total));

    // Every chart reads as a table on request.
    const status = page.getByTestId('chart-status');
    await status.getByRole('button', { name: 'Tampilkan tabel' }).click();
    await status.getByRole('rowheader', { name: 'Dijawab' }).waitFor();
    await capture(page, 'reports');
    await status.getByRole('button', { name: 'Tampilkan grafik' }).click();
    await status.locator('svg[role="img"]').waitFor();

    // The link carries the view: reloading keeps it.
    await page.reload();
    await expect(page.locator('#report-preset').inputValue()).resolves.toBe('this_year');
    await expect(page.locator('#report-kind').inputValue()).resolves.toBe('complaint');
  });

  it('each export button downloads its file', async () => {
    for (const [name, check] of [
      ['register.csv', (b: Buffer) => expect(b.toString('utf8').replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^No\. Register,Kode Lacak,/)],
      ['register.xlsx', (b: Buffer) => expect(b.subarray(0, 2).toString('latin1')).toBe('PK')],
      ['monthly.csv', (b: Buffer) => expect(b.toString('utf8').replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Tabel,Baris,Kolom,Nilai')],
      ['monthly.xlsx', (b: Buffer) => expect(b.subarray(0, 2).toString('latin1')).toBe('PK')],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${name}"]`).click()]);
      const [report, format] = name.split('.');
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${report}-[\\d-]+\\.${format}$`));
      check(readFileSync((await download.path())!));
    }
    // A supervisor does not verify submissions: no identity, and no box to ask for it.
    await expect(page.locator('#report-identity').count()).resolves.toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="register.csv"]').click()]);
    expect(readFileSync((await download.path())!).toString('utf8')).not.toContain('Nama Pelapor');
    // A refusal is explained, not downloaded.
    await page.locator('#report-month').fill('');
    await page.locator('[data-export="monthly.csv"]').click();
    await page.locator('.alert.error').waitFor();
    await expect(page.locator('[data-export="monthly.csv"]').isEnabled()).resolves.toBe(true);
  });

  it("a team lead asks for the reporters' identity in the register", async () => {
    const { context, page: lead } = await newPage(browser, DESKTOP);
    await signIn(lead, 'lead');
    await lead.goto('/staff/reports?preset=this_year');
    await lead.getByTestId('stat-received').waitFor();
    const asked: string[] = [];
    lead.on('request', (r) => {
      if (r.url().includes('/reports/register.csv')) asked.push(r.url());
    });
    await lead.getByLabel('Sertakan identitas pelapor (dicatat di log audit)').check();
    const [download] = await Promise.all([lead.waitForEvent('download'), lead.locator('[data-export="register.csv"]').click()]);
    expect(asked.at(-1)).toContain('include_identity=true');
    const csv = readFileSync((await download.path())!).toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('Nama Pelapor');
    expect(csv).toContain('Ni Komang Rahasiawati');
    await context.close();
  });

  it('the audit log lists the exports and sign-ins, filtered by action in the URL', async () => {
    await page.getByRole('link', { name: 'Log audit' }).click();
    await page.getByRole('heading', { name: 'Log audit', level: 1 }).waitFor();
    const table = page.getByTestId('audit-table');
    await table.locator('tr[data-action="export"]').first().waitFor();
    await table.locator('tr[data-action="sign_in"]').first().waitFor();
    await table.locator('tr[data-action="export"]', { hasText: 'Ida Ayu Pengawas' }).first().waitFor();
    // The team lead's register with identity is on record as such.
    await expect(table.locator('tr[data-action="export"]', { hasText: 'I Wayan Ketua' }).first().textContent()).resolves.toContain(
      'identity_included: true',
    );
    await capture(page, 'audit');
    await page.locator('#audit-action').selectOption('export');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/action=export/);
    await expect.poll(() => table.locator('tbody tr:not([data-action="export"])').count()).toBe(0);
    await expect(table.locator('tr[data-action="export"]').count()).resolves.toBeGreaterThanOrEqual(5);
    // Read-only: nothing to change or delete.
    await expect(page.locator('main').getByRole('button', { name: /^(Ubah|Hapus)$/ }).count()).resolves.toBe(0);
  });

  it('division staff get the not-allowed view on the audit log', async () => {
    const { context, page: other } = await newPage(browser, DESKTOP);
    await signIn(other, 'pelayanan');
    await expect(other.getByRole('link', { name: 'Log audit' }).count()).resolves.toBe(0);
    await other.goto('/staff/audit');
    await other.getByTestId('not-allowed').waitFor();
    await expect(other.getByTestId('not-allowed').textContent()).resolves.toContain('Pengawas');
    await capture(other, 'audit-not-allowed');
    await context.close();
  });

  it('an admin reaches the dashboard and the audit log from the menu', async () => {
    const { context, page: admin } = await newPage(browser, DESKTOP);
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.getByRole('link', { name: 'Dasbor' }).click();
    await admin.getByRole('heading', { name: 'Dasbor pengawas', level: 1 }).waitFor();
    await admin.getByRole('link', { name: 'Log audit' }).click();
    await admin.getByTestId('audit-table').waitFor();
    await context.close();
  });

  it('the audit log pages forward and back through more entries than a page holds', async () => {
    // 55 failed sign-ins under a name no other test uses: more than one page of 50.
    for (let n = 0; n < 55; n++) {
      const refused = await fetch(`${baseUrl()}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `pager-${n}`, password: 'wrong-password' }),
      });
      expect(refused.status).toBe(401);
    }
    await page.goto('/staff/audit?action=sign_in_failed');
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    const first = await rows.first().textContent();
    await page.getByRole('button', { name: 'Halaman berikutnya' }).click();
    await page.waitForURL(/cursor=/);
    // The URL changes before the next page replaces the rows: wait for them.
    await expect.poll(() => rows.first().textContent()).not.toBe(first);
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(5);
    await page.getByRole('button', { name: 'Halaman pertama' }).click();
    await page.waitForURL((url) => !url.search.includes('cursor='));
    await expect.poll(() => rows.first().textContent()).toBe(first);
    expect(page.url()).toContain('action=sign_in_failed');
  });

  it('the public transparency page shows aggregates without signing in, and no personal data', async () => {
    const { context, page: citizen } = await newPage(browser);
    const scripts: string[] = [];
    citizen.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await citizen.goto('/');
    await citizen.getByRole('link', { name: 'Transparansi' }).click();
    await citizen.getByRole('heading', { name: 'Transparansi penanganan pengaduan', level: 1 }).waitFor();
    await citizen.getByTestId('tr-received').waitFor();
    const publicFigures = await apiGet<{ received: number }>('/transparency');
    await expect(citizen.getByTestId('tr-received').textContent()).resolves.toBe(String(publicFigures.received));
    await citizen.getByTestId('tr-chart-month').locator('svg[role="img"]').waitFor();
    const text = (await citizen.locator('body').textContent()) ?? '';
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    await capture(citizen, 'transparency');
    expect(scripts.some((s) => /Staff|Inbox|Complaint|Admin|Intake|Reports|Dashboard|Audit/.test(s))).toBe(false);
    // English on request.
    await citizen.getByTestId('lang-switch').click();
    await citizen.getByRole('heading', { name: 'Transparency in complaint handling', level: 1 }).waitFor();
    await context.close();
  });
});
