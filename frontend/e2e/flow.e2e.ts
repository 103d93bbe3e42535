// The whole journey: a citizen submits with a file, the officer verifies, the
// team lead dispositions, the division resolves, the citizen reads the answer
// and accepts it. Screenshots and axe checks at each main page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, apiToken } from './api';
import { capture, DESKTOP, launch, newPage, signIn } from './browser';
import { NIK, PNG_1PX } from './fixtures';

const SUBJECT = 'Izin PBG belum terbit setelah 30 hari';
const ANSWER = 'Izin PBG Anda telah terbit pada hari ini dan dapat diunduh melalui OSS.';

describe('complaint journey', () => {
  let browser: Browser;
  let citizen: Page;
  let code = '';
  let complaintId = '';

  beforeAll(async () => {
    browser = await launch();
    citizen = (await newPage(browser)).page;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('home page states the service standard and loads no staff code', async () => {
    const scripts: string[] = [];
    citizen.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await citizen.goto('/');
    await expect(citizen.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Layanan Pengaduan Masyarakat');
    const text = await citizen.locator('main').textContent();
    expect(text).toContain('1–60 hari kerja');
    expect(text).toContain('Gratis');
    expect(text).toContain('KTP');
    expect(text).toContain('dpmptspbangli@gmail.com');
    expect(text).toContain('Kotak saran');
    await capture(citizen, 'home');
    expect(scripts.some((s) => /Staff|Inbox|Complaint|Admin|Intake/.test(s))).toBe(false);
  });

  it('shows validation errors next to their fields', async () => {
    await citizen.goto('/submit');
    await citizen.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await citizen.locator('.alert.error').waitFor();
    await expect(citizen.locator('#f-subject-error').textContent()).resolves.toMatch(/Wajib diisi|Judul/);
    await expect(citizen.locator('#f-reporter-name-error').isVisible()).resolves.toBe(true);
    await capture(citizen, 'submit-errors');
  });

  it('a citizen submits a complaint with a file and gets a receipt', async () => {
    await citizen.goto('/submit');
    await citizen.getByLabel(/^Kategori/).selectOption({ index: 1 });
    await citizen.getByLabel(/^Judul/).fill(SUBJECT);
    await citizen.getByLabel(/^Uraian/).fill('Permohonan PBG diajukan 30 hari lalu dan belum ada kabar sama sekali.');
    await citizen.getByLabel(/^Tempat kejadian/).fill('Mal Pelayanan Publik Bangli');
    await citizen.getByLabel(/^Nama lengkap/).fill('I Wayan Sudarma');
    await citizen.getByLabel(/^Nomor identitas/).fill(NIK);
    await citizen.getByLabel(/^Alamat/).fill('Jl. Merdeka No. 1, Bangli');
    await citizen.getByLabel(/^Nomor telepon/).fill('081234567890');
    await citizen.locator('#f-files').setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: PNG_1PX });
    await citizen.getByText('bukti.png').first().waitFor();
    // The draft survives a reload (files must be chosen again).
    await citizen.reload();
    await expect(citizen.getByLabel(/^Judul/).inputValue()).resolves.toBe(SUBJECT);
    await citizen.locator('#f-files').setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: PNG_1PX });
    await capture(citizen, 'submit');
    await citizen.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await citizen.getByTestId('tracking-code').waitFor();
    code = (await citizen.getByTestId('tracking-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(citizen.getByTestId('register-number').textContent()).resolves.toMatch(/ADUAN/);
    await expect(citizen.locator('main').textContent()).resolves.toContain('Simpan kode ini');
    await capture(citizen, 'receipt');
    // The draft is gone once sent.
    await citizen.goto('/submit');
    await expect(citizen.getByLabel(/^Judul/).inputValue()).resolves.toBe('');
  });

  it('the citizen tracks the new complaint', async () => {
    await citizen.goto(`/track/${code}`);
    await citizen.getByText('Diterima', { exact: true }).first().waitFor();
    await expect(citizen.locator('main').textContent()).resolves.toContain(SUBJECT);
    await capture(citizen, 'track-received');
  });

  it('the complaint officer verifies it, after a recorded look at the identity', async () => {
    const { page } = await newPage(browser, DESKTOP);
    await signIn(page, 'officer');
    await page.getByRole('link', { name: SUBJECT }).waitFor();
    await capture(page, 'inbox');
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { name: SUBJECT }).waitFor();
    complaintId = page.url().split('/').pop()!;
    // The attachment is shown inline from a blob URL.
    await page.locator('.attachments img[alt="bukti.png"]').waitFor();
    expect(await page.locator('.attachments img').getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => page.locator('.attachments img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    // Identity: hidden until asked for, with a reason.
    await expect(page.getByTestId('identity').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Tampilkan identitas' }).click();
    await page.getByLabel(/^Alasan/).fill('Menghubungi pelapor untuk klarifikasi');
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await expect(page.getByTestId('identity').textContent()).resolves.toContain('I Wayan Sudarma');
    await page.locator('[data-visibility="internal"]', { hasText: 'Identitas pelapor dibuka' }).waitFor();
    await capture(page, 'complaint');
    // Verify with the checklist.
    await page.locator('[data-action="verify"]').click();
    await expect(page.getByLabel('KTP atau identitas lain').isChecked()).resolves.toBe(true);
    await page.getByLabel('Bukti pendukung').check();
    await capture(page, 'complaint-verify-form');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.meta .badge', { hasText: 'Terverifikasi' }).waitFor();
    await page.context().close();
  });

  it('the team lead dispositions it to the division and a handler; a stale change is refused plainly', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'lead');
    await page.goto(`/staff/complaints/${complaintId}`);
    const token = await apiToken('lead');
    const divisions = await apiGet<{ id: string; code: string; name: string }[]>('/divisions', token);
    const pelayanan = divisions.find((d) => d.code === 'PELAYANAN')!;
    // A second tab on the same complaint, left behind.
    const other = await context.newPage();
    await other.goto(`/staff/complaints/${complaintId}`);
    await other.locator('[data-action="disposition"]').waitFor();

    await page.locator('[data-action="disposition"]').click();
    await page.locator('#act-division').selectOption(pelayanan.id);
    await page.locator('#act-assignee').selectOption({ label: 'Ni Ketut Pelayanan' });
    await page.getByLabel(/Instruksi/).fill('Mohon dicek ke bagian PBG.');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.meta .badge', { hasText: 'Diteruskan ke bidang' }).waitFor();

    // The stale tab tries to change it too: 412, explained, with a reload.
    await other.locator('[data-action="extend"]').click();
    await other.getByLabel(/^Alasan perpanjangan/).fill('Menunggu dokumen dari instansi lain.');
    await other.getByRole('button', { name: 'Simpan' }).click();
    await other.getByTestId('stale').waitFor();
    await expect(other.getByTestId('stale').textContent()).resolves.toContain('Orang lain sudah mengubah');
    await capture(other, 'complaint-stale');
    await other.getByRole('button', { name: 'Muat ulang' }).click();
    await other.locator('.meta .badge', { hasText: 'Diteruskan ke bidang' }).waitFor();
    await context.close();
  });

  it('a user of another division cannot open it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'modal');
    await expect(page.getByRole('link', { name: SUBJECT }).count()).resolves.toBe(0);
    await page.goto(`/staff/complaints/${complaintId}`);
    await page.locator('.alert.error').waitFor();
    await expect(page.locator('.alert.error').textContent()).resolves.toMatch(/tidak ditemukan|tidak berwenang/);
    await expect(page.getByRole('heading', { name: SUBJECT }).count()).resolves.toBe(0);
    await context.close();
  });

  it('the division starts and resolves it with a public answer', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'pelayanan');
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.locator('[data-action="start"]').click();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.meta .badge', { hasText: 'Ditindaklanjuti' }).waitFor();
    await page.locator('[data-action="note"]').click();
    await page.locator('#act-message').fill('Sudah koordinasi dengan bagian teknis.');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('[data-visibility="internal"]', { hasText: 'Sudah koordinasi' }).waitFor();
    await page.locator('[data-action="resolve"]').click();
    await page.getByLabel(/^Jawaban/).fill(ANSWER);
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.meta .badge', { hasText: 'Dijawab' }).waitFor();
    await capture(page, 'complaint-resolved');
    await context.close();
  });

  it('the citizen reads the answer and accepts it', async () => {
    await citizen.goto(`/track/${code}`);
    await citizen.getByTestId('resolution').waitFor();
    await expect(citizen.getByTestId('resolution').textContent()).resolves.toBe(ANSWER);
    // Internal notes never reach the citizen.
    await expect(citizen.locator('main').textContent()).resolves.not.toContain('Sudah koordinasi');
    await capture(citizen, 'track-resolved');
    await citizen.getByRole('button', { name: 'Ya, saya menerima jawaban' }).click();
    await citizen.getByText('Terima kasih atas penilaian Anda.').waitFor();
    await citizen.locator('.status-line .badge', { hasText: 'Selesai' }).waitFor();
  });

  it('the citizen rates the handling, and the team lead sees the satisfaction index', async () => {
    await citizen.getByRole('heading', { name: 'Survei kepuasan' }).waitFor();
    // Every element but facilities is required.
    await citizen.getByRole('button', { name: 'Kirim penilaian' }).click();
    await citizen.locator('#rate-scores\\.requirements .field-error').waitFor();
    const scales = citizen.locator('fieldset.scale');
    const count = await scales.count();
    for (let i = 0; i < count; i += 1) {
      const scale = scales.nth(i);
      if ((await scale.getAttribute('id')) === 'rate-scores.facilities') continue;
      await scale.getByLabel('Sangat baik').check();
    }
    await capture(citizen, 'track-rate');
    await citizen.getByRole('button', { name: 'Kirim penilaian' }).click();
    await citizen.getByText('Terima kasih, penilaian Anda tercatat.').waitFor();
    await expect(citizen.getByRole('heading', { name: 'Survei kepuasan' }).count()).resolves.toBe(0);

    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'lead');
    await page.getByRole('link', { name: 'Laporan' }).click();
    await expect.poll(() => page.getByTestId('report-responses').textContent()).toBe('1');
    await expect(page.locator('main').textContent()).resolves.toContain('sangat baik');
    await capture(page, 'report');
    await context.close();
  });
});
