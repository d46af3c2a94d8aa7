/**
 * The built client's scripts by page, and their budgets: what a reader of the full page downloads
 * (the app's entry, without the console's chunk), what a reader of a publisher's embed downloads
 * (the embed's own entry, built apart: `vite build --mode embed`), and the embed's loader script.
 * Budgets are in KiB of gzip -9, as bench/page.mjs reports sizes.
 *
 *   node bench/bundle.mjs          prints the table; exits 1 if a budget is exceeded
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

/** KiB of gzip -9 each page's script may weigh: readers are often on slow phones. */
export const budgets = { reader: 60, embed: 45, loader: 2 };

/**
 * The files a page loads before it shows anything: its HTML's module script, the chunks it preloads
 * (Vite lists every static import as a modulepreload) and its stylesheets. Chunks imported later
 * (the console, from the reader's entry) are not among them.
 */
function loadedBy(html) {
  return new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]));
}

/** Each built JS and CSS file with the page that loads it and its sizes; throws when not built. */
export function builtFiles(dist = path.join(root, 'client/dist')) {
  const assets = path.join(dist, 'assets');
  if (!existsSync(assets)) throw new Error(`${assets} is missing: run \`npm run build\` first`);
  const read = (file) =>
    existsSync(path.join(dist, file)) ? readFileSync(path.join(dist, file), 'utf8') : '';
  const reader = loadedBy(read('index.html'));
  const embed = loadedBy(read('embed.html'));
  const files = readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((file) => {
      const pages = [reader.has(file) && 'reader', embed.has(file) && 'embed'].filter(Boolean);
      return {
        file,
        pages: pages.length > 0 ? pages : ['later'],
        bytes: readFileSync(path.join(assets, file)),
      };
    });
  if (existsSync(path.join(dist, 'embed.js'))) {
    files.push({ file: 'embed.js', pages: ['loader'], bytes: readFileSync(path.join(dist, 'embed.js')) });
  }
  return files.map(({ file, pages, bytes }) => ({
    file,
    pages,
    kind: file.endsWith('.css') ? 'css' : 'js',
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes).length,
  }));
}

/** The JS each page loads (KiB gzip -9), against its budget. */
export function scriptWeights(files = builtFiles()) {
  return Object.entries(budgets).map(([page, budget]) => {
    const mine = files.filter((f) => f.pages.includes(page) && f.kind === 'js');
    const kib = mine.reduce((sum, f) => sum + f.gzip, 0) / 1024;
    return {
      page,
      files: mine.map((f) => f.file),
      kib: Math.round(kib * 100) / 100,
      budget,
      ok: kib <= budget,
    };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const weights = scriptWeights();
  for (const w of weights) {
    console.log(
      `${w.ok ? 'ok  ' : 'OVER'} ${w.page.padEnd(7)} ${String(w.kib).padStart(6)} KiB of ${w.budget} (${w.files.join(', ')})`,
    );
  }
  if (weights.some((w) => !w.ok)) process.exit(1);
}
