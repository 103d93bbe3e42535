// The citizen's first page (/) must stay light on a phone: sums the gzipped
// size of the JavaScript that index.html loads before anything lazy (the
// entry chunk and its static imports, from Vite's manifest) and fails above
// the budget. Lazy chunks (other pages, the whole staff side) do not count.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
let manifest;
try {
  manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
} catch {
  console.error('check:budget: dist/.vite/manifest.json is missing; run `npm run build` first');
  process.exit(1);
}

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) {
  console.error(`check:budget: expected one entry chunk, found ${entries.length}`);
  process.exit(1);
}

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const next of chunk.imports ?? []) visit(next);
};
visit(entries[0][0]);

let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(dist + file), { level: 9 }).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
const staff = [...files].filter((f) => /Staff|Inbox|Complaint|Intake|Admin|Reports|Dashboard|Audit|Statistics/.test(f));
if (staff.length) {
  console.error(`check:budget: the first page loads staff code: ${staff.join(', ')}`);
  process.exit(1);
}
const kb = total / 1024;
console.log(`check:budget: JS for / is ${kb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error('check:budget: over budget');
  process.exit(1);
}
