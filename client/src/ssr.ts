import type { FirstView } from '@dayline/shared';
import { render } from 'svelte/server';
import App from './App.svelte';

/**
 * The reader's page rendered on the server by the same components the browser runs (built by
 * `vite build --ssr`, loaded by the server's http/client.ts): the browser then takes it over from
 * the same first view, which travels in the page.
 */
export function renderReaderPage(href: string, firstView: FirstView): { head: string; body: string } {
  const { head, body } = render(App, { props: { start: { href, firstView } } });
  return { head, body };
}
