// Manual intake by the complaint officer, ending on a printable receipt.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, DESKTOP, launch, newPage, signIn } from './browser';
import { NIK } from './fixtures';

describe('manual intake', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the officer keys in a walk-in complaint and prints the receipt', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto('/staff/login');
    await page.getByRole('heading', { name: 'Masuk petugas' }).waitFor();
    await capture(page, 'login');
    await signIn(page, 'officer');
    await page.getByRole('link', { name: 'Input manual' }).click();
    await page.getByRole('heading', { name: 'Input pengaduan manual' }).waitFor();
    await page.locator('#f-channel option').first().waitFor({ state: 'attached' });
    const channels = await page.locator('#f-channel option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(channels).toEqual(['walk_in', 'letter', 'phone', 'suggestion_box']);
    await capture(page, 'intake');
    await page.locator('#f-channel').selectOption('walk_in');
    await page.getByLabel(/^Kategori/).selectOption({ index: 1 });
    await page.getByLabel(/^Judul/).fill('Antrean loket perizinan terlalu lama');
    await page.getByLabel(/^Uraian/).fill('Pelapor datang langsung dan menunggu lebih dari dua jam di loket.');
    await page.getByLabel(/^Nama lengkap/).fill('Ni Luh Ayu');
    await page.getByLabel(/^Nomor identitas/).fill(NIK);
    await page.getByLabel(/^Alamat/).fill('Br. Kawan, Bangli');
    await page.getByRole('button', { name: 'Simpan dan cetak tanda terima' }).click();
    await page.getByRole('heading', { name: 'Tanda terima pengaduan' }).waitFor();
    await expect(page.getByTestId('register-number').textContent()).resolves.toMatch(/\d+\/ADUAN\/\d{4}/);
    await expect(page.getByTestId('tracking-code').textContent()).resolves.toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(page.locator('main').textContent()).resolves.toContain('Datang langsung');
    await capture(page, 'intake-receipt');
    // The print view keeps the receipt and drops the navigation.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.staff-header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('tracking-code').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${import.meta.dirname}/screenshots/intake-receipt-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Buka pengaduan' }).click();
    await page.getByRole('heading', { name: 'Antrean loket perizinan terlalu lama' }).waitFor();
    await context.close();
  });

  it('the IT operator is offered the online channels', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'itop');
    await page.goto('/staff/intake');
    await page.locator('#f-channel option').first().waitFor({ state: 'attached' });
    const channels = await page.locator('#f-channel option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(channels).toEqual(['email', 'phone', 'whatsapp', 'facebook', 'sp4n_lapor']);
    await context.close();
  });
});
