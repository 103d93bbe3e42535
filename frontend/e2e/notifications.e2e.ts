// Staff notifications, the archive record and the archive: complaints are
// submitted and moved through the API so the division hears of them; the
// division user works through the bell and the list, downloads a complaint's
// record, and the team lead archives a closed complaint. A citizen writing in
// English asks for mail in English.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, apiPost, apiToken } from './api';
import { capture, DESKTOP, launch, newPage, signIn } from './browser';
import { NIK } from './fixtures';
import { readZip } from './zip';

interface Receipt {
  id: string;
  tracking_code: string;
  register_number: string;
}

const SUBJECTS = {
  anonymous: 'Petugas meminta biaya tambahan di loket',
  second: 'Formulir daring izin usaha sering gagal dikirim',
  closed: 'Papan informasi persyaratan tidak terbaca',
};
/** The page updates after the API answers: allow it a few seconds. */
const POLL = { timeout: 10_000 };
const INSTRUCTION = 'Mohon dicek ke lapangan dan laporkan hasilnya.';

describe('notifications, the archive record and the archive', () => {
  let browser: Browser;
  let division: Page;
  let lead = '';
  const filed: Record<keyof typeof SUBJECTS, Receipt> = {} as never;

  /** Takes a lifecycle action as the team lead on the version last read (the API requires it). */
  async function act(id: string, action: string, body: Record<string, unknown> = {}) {
    const { version } = await apiGet<{ version: number }>(`/complaints/${id}`, lead);
    await apiPost(`/complaints/${id}/${action}`, { ...body, version }, lead);
  }

  /** Submits a complaint as a citizen, then verifies and dispositions it to the division's handler as the team lead. */
  async function fileAndDisposition(subject: string, anonymous: boolean, to: { division: string; handler: string }) {
    const categories = await apiGet<{ id: string }[]>('/categories');
    const receipt = await apiPost<Receipt>('/complaints', {
      kind: 'complaint',
      category_id: categories[0].id,
      subject,
      description: `${subject}. Kejadian berulang sejak awal bulan ini.`,
      anonymous,
      confidential: false,
      reporter: { name: 'Ni Wayan Sari', id_type: 'ktp', id_number: NIK, address: 'Jl. Nusantara 5, Bangli', phone: '081234567891' },
    });
    await act(receipt.id, 'verify', { requirements: { identity: true, address: true, evidence: true } });
    await act(receipt.id, 'disposition', { division_id: to.division, assignee_id: to.handler, note: INSTRUCTION });
    return receipt;
  }

  beforeAll(async () => {
    browser = await launch();
    lead = await apiToken('lead');
    const divisions = await apiGet<{ id: string; code: string }[]>('/divisions', lead);
    const staff = await apiGet<{ id: string; full_name: string }[]>('/staff', lead);
    const to = {
      division: divisions.find((d) => d.code === 'PENGENDALIAN')!.id,
      handler: staff.find((s) => s.full_name === 'Ni Putu Pengendalian')!.id,
    };
    filed.anonymous = await fileAndDisposition(SUBJECTS.anonymous, true, to);
    filed.second = await fileAndDisposition(SUBJECTS.second, false, to);
    filed.closed = await fileAndDisposition(SUBJECTS.closed, false, to);
    // The third is answered and accepted by the reporter, so it is closed.
    await act(filed.closed.id, 'start');
    await act(filed.closed.id, 'resolve', { answer: 'Papan informasi sudah diganti dengan cetakan baru yang lebih besar.' });
    await apiPost(`/track/${filed.closed.tracking_code}/accept`, {});

    division = (await newPage(browser, DESKTOP)).page;
    await signIn(division, 'kendali');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the division sees how many notifications are unread, opens one, and marks the rest read', async () => {
    const bell = division.getByTestId('bell');
    await expect.poll(() => bell.getByTestId('unread-count').textContent(), POLL).toBe('3');
    await expect(division.getByRole('link', { name: /3 notifikasi belum dibaca/ }).count()).resolves.toBe(1);
    await expect(bell.locator('[aria-live="polite"]').count()).resolves.toBe(1);

    await bell.click();
    await division.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
    const list = division.getByTestId('notifications');
    // Worded from the notice and its complaint, newest first, all unread.
    const opening = list.getByRole('link', { name: `Disposisi untuk Anda: ${filed.anonymous.register_number}` });
    await opening.waitFor();
    await expect(list.locator('li[data-unread="true"]').count()).resolves.toBe(3);
    await list.getByText(SUBJECTS.second).waitFor();
    await capture(division, 'notifications');
    // In English too, worded here rather than taken from the API's Indonesian title.
    await division.getByTestId('lang-switch').click();
    await list.getByRole('link', { name: `Dispositioned to you: ${filed.anonymous.register_number}` }).waitFor();
    await expect(division.getByRole('link', { name: /3 unread notifications/ }).count()).resolves.toBe(1);
    await division.getByTestId('lang-switch').click();

    await opening.click();
    await division.getByRole('heading', { name: SUBJECTS.anonymous }).waitFor();
    expect(division.url()).toContain(`/staff/complaints/${filed.anonymous.id}`);
    await expect.poll(() => bell.getByTestId('unread-count').textContent(), POLL).toBe('2');

    await bell.click();
    await list.locator('li[data-unread="false"]').first().waitFor();
    await expect(list.locator('li[data-unread="true"]').count()).resolves.toBe(2);
    await division.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await expect.poll(() => bell.getByTestId('unread-count').count(), POLL).toBe(0);
    await expect.poll(() => list.locator('li[data-unread="true"]').count(), POLL).toBe(0);
    await expect(division.getByRole('link', { name: /belum dibaca/ }).count()).resolves.toBe(0);
    await capture(division, 'notifications-read');
  });

  it('division staff do not get the reveal button for an anonymous reporter, and the instruction is marked internal', async () => {
    await division.goto(`/staff/complaints/${filed.anonymous.id}`);
    await division.getByRole('heading', { name: SUBJECTS.anonymous }).waitFor();
    await division.getByTestId('timeline').getByText(INSTRUCTION).waitFor();
    await expect(division.getByRole('button', { name: 'Tampilkan identitas' }).count()).resolves.toBe(0);
    // The disposition is public, its instruction is not.
    const disposition = division.locator('[data-visibility="public"]', { hasText: INSTRUCTION });
    await expect(disposition.textContent()).resolves.toContain('Pesan hanya untuk petugas');
  });

  it("downloads the complaint's record as one ZIP with its data and timeline", async () => {
    const button = division.getByRole('button', { name: 'Unduh berkas arsip (ZIP)' });
    const [download] = await Promise.all([division.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const files = readZip(readFileSync((await download.path())!));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['record.html', 'record.json']));
    const record = JSON.parse(files.get('record.json')!.toString('utf8'));
    expect(record.complaint.register_number).toBe(filed.anonymous.register_number);
    expect(record.complaint.subject).toBe(SUBJECTS.anonymous);
    expect(record.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['submitted', 'verified', 'dispositioned']));
    expect(files.get('record.html')!.toString('utf8')).toContain(filed.anonymous.register_number);
    await division.getByText(/^Berkas .+\.zip sudah diunduh\.$/).waitFor();
    await capture(division, 'complaint-record');
  });

  it("a citizen writing in English asks for the reporter's mail in English", async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.getByTestId('lang-switch').click();
    await page.goto('/submit');
    await page.locator('#f-category-id').selectOption({ index: 1 });
    await page.locator('#f-subject').fill('Online licence form keeps timing out');
    await page.locator('#f-description').fill('The form times out every time I upload the site plan.');
    await page.locator('#f-reporter-name').fill('Made Wirawan');
    await page.locator('#f-reporter-id-number').fill(NIK);
    await page.locator('#f-reporter-address').fill('Jl. Kusuma Yudha 2, Bangli');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/complaints')),
      page.getByRole('button', { name: 'Send complaint' }).click(),
    ]);
    expect(request.postDataJSON()).toMatchObject({ language: 'en' });
    await page.getByTestId('tracking-code').waitFor();
    await context.close();
  });

  it('the team lead archives a closed complaint: it leaves the active list and is found in the archive', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'lead');
    await page.goto(`/staff/complaints/${filed.closed.id}`);
    await page.locator('.meta .badge', { hasText: 'Selesai' }).waitFor();
    await page.locator('[data-action="archive"]').click();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.meta .badge', { hasText: 'Diarsipkan' }).waitFor();

    await page.goto('/staff');
    await page.getByRole('link', { name: SUBJECTS.second }).waitFor();
    await expect(page.getByRole('link', { name: SUBJECTS.closed }).count()).resolves.toBe(0);
    // Archived is not one of the working statuses.
    await expect(page.getByTestId('count-archived').count()).resolves.toBe(0);

    const toggle = page.getByTestId('archive-toggle');
    await expect.poll(() => toggle.textContent(), POLL).toMatch(/^Arsip \([1-9]\d*\)$/);
    await toggle.click();
    await page.getByRole('heading', { name: 'Arsip pengaduan', level: 1 }).waitFor();
    await page.getByRole('link', { name: SUBJECTS.closed }).waitFor();
    await expect(page.getByRole('link', { name: SUBJECTS.second }).count()).resolves.toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    // Search stays inside the archive.
    await page.locator('summary', { hasText: 'Saring' }).click();
    await page.locator('#q').fill('Papan informasi');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/q=Papan/);
    await page.getByRole('link', { name: SUBJECTS.closed }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('archived');
    await capture(page, 'inbox-archive');
    await page.locator('#q').fill('Formulir daring');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Tidak ada pengaduan yang cocok.').waitFor();

    // And back to the working list.
    await toggle.click();
    await page.getByRole('heading', { name: 'Kotak masuk pengaduan', level: 1 }).waitFor();
    await context.close();
  });
});
