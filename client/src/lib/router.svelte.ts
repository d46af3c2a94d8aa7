import { formatRoute, parseRoute, type Route } from '@dayline/shared';

/**
 * The current route, kept in step with the address bar: the app changes it with `navigate`, the
 * browser's back and forward buttons change it through `popstate`. On the server (rendering a
 * reader's page) it holds the address it was given and touches no history.
 */
export class Router {
  #route = $state.raw<Route>(parseRoute('/', ''));
  #href = '/';

  /** `href`: the page's path and query; the browser's own address when left out. */
  constructor(href?: string) {
    this.#read(href ?? location.pathname + location.search);
  }

  get route(): Route {
    return this.#route;
  }

  /** The path and query the address bar shows. */
  get href(): string {
    return this.#href;
  }

  /** Shows a route; `replace` rewrites the current history entry instead of adding one. */
  navigate(route: Route, options: { replace?: boolean } = {}): void {
    const href = formatRoute(route);
    if (href !== this.#href && typeof history !== 'undefined') {
      if (options.replace) history.replaceState(history.state, '', href);
      else history.pushState(history.state, '', href);
    }
    this.#href = href;
    this.#route = route;
  }

  /** Follows back and forward; returns the cleanup. */
  listen(): () => void {
    const onPopState = () => this.#read(location.pathname + location.search);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }

  #read(href: string): void {
    const at = href.indexOf('?');
    this.#href = href;
    this.#route = at < 0 ? parseRoute(href, '') : parseRoute(href.slice(0, at), href.slice(at));
  }
}
