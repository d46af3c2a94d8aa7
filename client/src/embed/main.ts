import { embedDefaultLimit } from '@dayline/shared';
import { mount } from 'svelte';
import { prefs } from '../lib/prefs.svelte.js';
import Embed from './Embed.svelte';
import '../app.css';

// The server checked the address before sending this page (a bad one is a 400), and set the theme
// the publisher chose (`data-theme-fixed`); `theme=auto` follows the system, as the reader's page does.
const root = document.documentElement;
if (!root.hasAttribute('data-theme-fixed')) {
  prefs.applyTheme(root, matchMedia('(prefers-color-scheme: dark)'));
}

const target = document.getElementById('embed');
if (!target) throw new Error('embed.html has no #embed element');

const params = new URLSearchParams(location.search);
const slug = decodeURIComponent(location.pathname.replace(/^\/embed\//, '').split('/')[0] ?? '');
const topics = (params.get('topics') ?? '')
  .split(',')
  .map((t) => t.trim())
  .filter(Boolean);
const limit = Number(params.get('limit') ?? embedDefaultLimit);

mount(Embed, {
  target,
  props: {
    slug,
    filters: { topics, q: params.get('q')?.trim() ?? '', source: '' },
    limit: Number.isInteger(limit) && limit > 0 ? limit : embedDefaultLimit,
  },
});
