// The readers' script budgets, checked on the built client (`npm run build` comes first in `npm test`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtFiles, scriptWeights } from '../bundle.mjs';

const files = builtFiles();
const weights = Object.fromEntries(scriptWeights(files).map((w) => [w.page, w]));

test('the full page’s script stays within 60 KiB gzipped; the console comes later, in chunks of its own', () => {
  assert.ok(weights.reader.files.length > 0, 'index.html loads a script');
  assert.ok(weights.reader.ok, `the reader's JS is ${weights.reader.kib} KiB`);
  assert.ok(
    files.some((f) => f.pages.includes('later') && f.kind === 'js'),
    'the console is loaded only when opened',
  );
});

test('the embed loads scripts of its own, none of the reader’s, and its loader is tiny', () => {
  assert.ok(weights.embed.files.length > 0, 'embed.html loads a script');
  assert.ok(weights.embed.ok, `the embed's JS is ${weights.embed.kib} KiB`);
  assert.deepEqual(
    weights.embed.files.filter((f) => weights.reader.files.includes(f)),
    [],
  );
  assert.deepEqual(weights.loader.files, ['embed.js']);
  assert.ok(weights.loader.ok, `embed.js is ${weights.loader.kib} KiB`);
});
