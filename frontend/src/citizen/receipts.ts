// Receipts the citizen got on this device, so the receipt page survives a reload.
import type { Receipt } from '../api/types';
import { browserStore, readJson } from '../lib/storage';

const KEY = 'aduan.receipts.v1';

export function rememberReceipt(receipt: Receipt): void {
  const store = browserStore();
  const all = readJson<Record<string, Receipt>>(store, KEY) ?? {};
  all[receipt.tracking_code] = receipt;
  const codes = Object.keys(all);
  // Keep the last 20.
  for (const code of codes.slice(0, Math.max(0, codes.length - 20))) delete all[code];
  store.setItem(KEY, JSON.stringify(all));
}

export function recallReceipt(code: string): Receipt | null {
  return readJson<Record<string, Receipt>>(browserStore(), KEY)?.[code] ?? null;
}
