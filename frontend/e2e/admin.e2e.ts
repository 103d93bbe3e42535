// Administration: users, divisions, categories with their targets, holidays.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, DESKTOP, launch, newPage, signIn } from './browser';
import { ADMIN_PASSWORD } from './fixtures';

describe('administration', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = (await newPage(browser, DESKTOP)).page;
    await signIn(page, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a division staff user', async () => {
    await page.getByRole('link', { name: 'Administrasi' }).click();
    await page.getByRole('heading', { name: 'Pengguna', level: 2 }).waitFor();
    await page.locator('#new-user-username').fill('pengendalian1');
    await page.locator('#new-user-full_name').fill('I Made Pengendali');
    await page.locator('#new-user-role').selectOption('division_staff');
    await page.locator('#new-user-division').selectOption({ index: 1 });
    await page.locator('#new-user-password').fill('sandi-rahasia-123');
    await page.getByRole('button', { name: 'Tambah' }).click();
    await page.getByRole('cell', { name: 'pengendalian1', exact: true }).waitFor();
    await capture(page, 'admin-users');
  });

  it('edits a category target and refuses one above 60 working days', async () => {
    await page.getByRole('link', { name: 'Kategori' }).click();
    await page.getByRole('heading', { name: 'Kategori', level: 2 }).waitFor();
    await page.getByRole('button', { name: /Ubah/ }).first().click();
    await page.locator('#edit-cat-days').fill('61');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('#edit-cat-days-error').waitFor();
    await page.locator('#edit-cat-days').fill('20');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: '20', exact: true }).first().waitFor();
    await capture(page, 'admin-categories');
  });

  it('adds a division', async () => {
    await page.getByRole('link', { name: 'Bidang' }).click();
    await page.locator('#new-div-code').fill('UMUM');
    await page.locator('#new-div-name').fill('Bagian Umum');
    await page.getByRole('button', { name: 'Tambah' }).click();
    await page.locator('input[value="UMUM"]').waitFor();
    await capture(page, 'admin-divisions');
  });

  it('switches the Bali holiday set off and on, adds and removes a holiday', async () => {
    await page.getByRole('link', { name: 'Hari libur' }).click();
    const bali = page.locator('#set-bali');
    await bali.waitFor();
    const before = await bali.isChecked();
    await bali.click();
    await expect.poll(() => bali.isChecked()).toBe(!before);
    await bali.click();
    await expect.poll(() => bali.isChecked()).toBe(before);
    await page.locator('#new-hol-day').fill('2026-12-30');
    await page.locator('#new-hol-name').fill('Libur uji coba');
    await page.getByRole('button', { name: 'Tambah' }).click();
    await page.getByRole('cell', { name: 'Libur uji coba', exact: true }).waitFor();
    await capture(page, 'admin-holidays');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /Hapus Libur uji coba/ }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Libur uji coba', exact: true }).count()).toBe(0);
  });
});
