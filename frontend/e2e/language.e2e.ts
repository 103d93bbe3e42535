// Indonesian by default; English on request, remembered, everywhere.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet } from './api';
import { baseUrl, capture, DESKTOP, launch, newPage, signIn } from './browser';

describe('language switch', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches the citizen pages to English and remembers it', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('id');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Public Complaint Service', level: 1 }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await capture(page, 'home-en');
    await page.reload();
    await page.getByRole('heading', { name: 'Public Complaint Service', level: 1 }).waitFor();
    // Problems are translated too.
    await page.goto('/track/AAAA-BBBB-CCCC');
    await page.getByText('Code not found. Please check it.').waitFor();
    await page.goto('/submit');
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.locator('#f-subject-error').waitFor();
    await expect(page.locator('#f-subject-error').textContent()).resolves.toMatch(/Required|subject/i);
    await capture(page, 'submit-errors-en');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('button', { name: 'Kirim pengaduan' }).waitFor();
    await context.close();
  });

  it('switches the staff pages, with dates in WITA', async () => {
    // A suggestion in the inbox, so there is a date to show.
    const created = await fetch(`${baseUrl()}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'suggestion',
        category_id: (await apiGet<{ id: string }[]>('/categories'))[0].id,
        subject: 'Tambahkan kursi di ruang tunggu',
        description: 'Ruang tunggu sering penuh pada pagi hari.',
      }),
    });
    expect(created.status).toBe(201);
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto('/');
    await page.getByTestId('lang-switch').click();
    await signIn(page, 'lead');
    await page.getByRole('heading', { name: 'Complaint inbox' }).waitFor();
    await expect(page.getByTestId('who').textContent()).resolves.toContain('Complaint team lead');
    await page.getByRole('link', { name: 'Tambahkan kursi di ruang tunggu' }).waitFor();
    await expect(page.getByTestId('inbox-list').textContent()).resolves.toMatch(/Received \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} WITA/);
    await capture(page, 'inbox-en');
    await context.close();
  });
});
