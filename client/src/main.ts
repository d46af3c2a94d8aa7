import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { takeFirstViewInPage } from './lib/api.js';
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
  // The server rendered the page from a first view it put in the page: the app takes that page
  // over from the same data. Not for a reader with a viewer token (the server rendered what a reader
  // without one sees), nor for an older page (`?before=`, a link for readers without JavaScript:
  // here the timeline pages back in place), which start afresh.
  const firstView = takeFirstViewInPage();
  const older = new URLSearchParams(location.search).has('before');
  if (firstView && !older && credentials.token === null) {
    const start = { href: location.pathname + location.search, firstView };
    // Rendered by the server (always, unless its render failed): taken over in place.
    if (target.firstElementChild) hydrate(App, { target, props: { start } });
    else mount(App, { target, props: { start } });
  } else {
    target.replaceChildren();
    mount(App, { target });
  }
}
