import { embedDefaultLimit } from '@dayline/shared';
import { mount } from 'svelte';
import { prefs } from '../lib/prefs.svelte.js';
import Embed from './Embed.svelte';
import '../app.css';

// The server checked the address before sending this page (a bad one is a 400), and set the theme
// the publisher chose before the first paint (`data-theme-fixed`; in development Vite's server does
// not, so it is set here too); `theme=auto` follows the system, as the reader's page does.
const root = document.documentElement;
const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
else prefs.applyTheme(root, matchMedia('(prefers-color-scheme: dark)'));

const target = document.getElementById('embed');
if (!target) throw new Error('embed.html has no #embed element');

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
