import { formatRoute, parseRoute, type Route } from './route.js';

/**
 * The current route, kept in step with the address bar: the app changes it with `navigate`, the
 * browser's back and forward buttons change it through `popstate`.
 */
export class Router {
  #route = $state.raw<Route>(parseRoute(location.pathname, location.search));

  get route(): Route {
    return this.#route;
  }

  /** Shows a route; `replace` rewrites the current history entry instead of adding one. */
  navigate(route: Route, options: { replace?: boolean } = {}): void {
    const href = formatRoute(route);
    if (href !== location.pathname + location.search) {
      if (options.replace) history.replaceState(history.state, '', href);
      else history.pushState(history.state, '', href);
    }
    this.#route = route;
  }

  /** Follows back and forward; returns the cleanup. */
  listen(): () => void {
    const onPopState = () => {
      this.#route = parseRoute(location.pathname, location.search);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }
}
