// Sets the theme before the first paint, so the page never flashes the other one. It is a file of
// its own, loaded as a blocking script in <head>, because the Content-Security-Policy allows no
// inline script. The app (src/lib/prefs.svelte.ts, same storage key) takes over once it starts.
/* global document, matchMedia */
(function () {
  // The embed's publisher chose a theme (the server set it on <html>): it stays.
  if (document.documentElement.hasAttribute('data-theme-fixed')) return;
  var choice = null;
  try {
    choice = localStorage.getItem('dayline:theme');
  } catch {
    // Storage switched off: follow the system.
  }
  var dark = choice === 'dark' || (choice !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
