import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { queryClient } from '../api/query-client.js';
import { fetchMe } from '../auth/session.js';
import { validateAccessSearch } from '../screens/access/search.js';
import { validateAlertsSearch } from '../screens/alerts/search.js';
import { validateCdrsSearch } from '../screens/cdrs/search.js';
import { mapPointsQuery } from '../screens/map/map-query.js';
import { validateMapSearch } from '../screens/map/search.js';
import { prefetchOverview } from '../screens/overview/overview-api.js';
import { validateSessionsSearch } from '../screens/sessions/search.js';
import { validateStationSearch } from '../screens/station/search.js';
import { validateStationsSearch } from '../screens/stations/search.js';
import { validateTariffsSearch } from '../screens/tariffs/search.js';
import { validateTokensSearch } from '../screens/tokens/search.js';
import { Shell } from './Shell.js';

/**
 * Every screen is its own chunk (code split per route); filters live in the URL search params,
 * each screen validating its own (`screens/<name>/search.ts`).
 */
const rootRoute = createRootRoute();

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  component: lazyRouteComponent(() => import('../auth/LoginScreen.js'), 'LoginScreen'),
});

const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  component: Shell,
  beforeLoad: async ({ location }) => {
    const me = await fetchMe();
    if (!me) throw redirect({ to: '/login', search: { next: location.href } });
    return { me };
  },
});

const screen = <T extends string>(path: T, load: () => Promise<Record<string, unknown>>, name: string) =>
  createRoute({
    getParentRoute: () => shellRoute,
    path,
    component: lazyRouteComponent(load as () => Promise<Record<string, never>>, name as never),
  });

// Screens whose first paint waits on one large request start it as the route matches, beside
// their chunk instead of after it (the loaders do not wait for it).
const overviewRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/',
  loader: () => {
    void prefetchOverview();
  },
  component: lazyRouteComponent(() => import('../screens/overview/OverviewScreen.js'), 'OverviewScreen'),
});
const mapRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/map',
  validateSearch: validateMapSearch,
  loaderDeps: ({ search: { station: _station, renderer: _renderer, ...filters } }) => filters,
  loader: ({ deps }) => {
    void queryClient.prefetchQuery(mapPointsQuery(deps));
  },
  component: lazyRouteComponent(() => import('../screens/map/MapScreen.js'), 'MapScreen'),
});
const stationsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/stations',
  validateSearch: validateStationsSearch,
  component: lazyRouteComponent(() => import('../screens/stations/StationsScreen.js'), 'StationsScreen'),
});
export const stationRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/stations/$identity',
  validateSearch: validateStationSearch,
  component: lazyRouteComponent(() => import('../screens/station/StationScreen.js'), 'StationScreen'),
});
const sessionsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/sessions',
  validateSearch: validateSessionsSearch,
  component: lazyRouteComponent(() => import('../screens/sessions/SessionsScreen.js'), 'SessionsScreen'),
});
export const sessionRoute = screen(
  '/sessions/$sessionId',
  () => import('../screens/sessions/SessionScreen.js'),
  'SessionScreen',
);
const cdrsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/cdrs',
  validateSearch: validateCdrsSearch,
  component: lazyRouteComponent(() => import('../screens/cdrs/CdrsScreen.js'), 'CdrsScreen'),
});
const partnersRoute = screen('/partners', () => import('../screens/partners/PartnersScreen.js'), 'PartnersScreen');
const tariffsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/tariffs',
  validateSearch: validateTariffsSearch,
  component: lazyRouteComponent(() => import('../screens/tariffs/TariffsScreen.js'), 'TariffsScreen'),
});
const tokensRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/tokens',
  validateSearch: validateTokensSearch,
  component: lazyRouteComponent(() => import('../screens/tokens/TokensScreen.js'), 'TokensScreen'),
});
const alertsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/alerts',
  validateSearch: validateAlertsSearch,
  component: lazyRouteComponent(() => import('../screens/alerts/AlertsScreen.js'), 'AlertsScreen'),
});
const systemRoute = screen('/system', () => import('../screens/system/SystemScreen.js'), 'SystemScreen');
const accessRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/access',
  validateSearch: validateAccessSearch,
  component: lazyRouteComponent(() => import('../screens/access/AccessScreen.js'), 'AccessScreen'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  shellRoute.addChildren([
    overviewRoute,
    mapRoute,
    stationsRoute,
    stationRoute,
    sessionsRoute,
    sessionRoute,
    cdrsRoute,
    partnersRoute,
    tariffsRoute,
    tokensRoute,
    alertsRoute,
    systemRoute,
    accessRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
