import { mount } from 'svelte';
import App from './App.svelte';
import { credentials } from './lib/credentials.js';
import { prefs } from './lib/prefs.svelte.js';
import './app.css';

// public/theme.js set the theme before the first paint; from here the reader's choice and the
// system's setting keep it up to date.
prefs.applyTheme(document.documentElement, matchMedia('(prefers-color-scheme: dark)'));

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The newsroom console is a chunk of its own: readers never download it. (Its setup link carries a
// `?token=` of its own, which is not a reader's viewer token.)
if (location.pathname === '/console' || location.pathname.startsWith('/console/')) {
  void import('./console/Console.svelte').then(({ default: Console }) => mount(Console, { target }));
} else {
  // Before anything reads the address: the router must never see (or keep) a `?token=`.
  credentials.adoptFromLocation();
  mount(App, { target });
}
