import type { RouteObject } from 'react-router';

/**
 * A screen's routes mounted as the app mounts them: under a parent that has something to show
 * while the first loader runs, which the shell gives them in app/routes.tsx. Mounted alone, a
 * screen with a loader leaves React Router nothing to render during the first load, which it
 * warns about ("No `HydrateFallback` element provided"). The fallback shows nothing, as the
 * router showed without one.
 */
export function screenRoutes(routes: RouteObject[]): RouteObject[] {
  return [{ HydrateFallback: FirstLoad, children: routes }];
}

function FirstLoad() {
  return null;
}
