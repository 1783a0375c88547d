import type { RouteObject } from 'react-router';
import { ShellLoading, shellLoader } from './shell-route';

/**
 * The app's screens. Each feature's route module is its own chunk (React Router's `lazy`), so the
 * first page loads only what it shows; a module exports `Component` and, where it needs data,
 * `loader` and `action` (the router's loaders are the app's one cache of server state). The
 * shell's component and the error screen are chunks of their own too, loaded with the first page.
 */
const routeError = async () => (await import('./route-error')).RouteError;

export const routes: RouteObject[] = [
  { path: '/auth/callback', lazy: () => import('../features/auth/routes/auth-callback') },
  { path: '/signed-out', lazy: () => import('../features/auth/routes/signed-out') },
  {
    id: 'shell',
    // The shell's component is its own chunk, loaded while its loader runs.
    lazy: { Component: async () => (await import('./app-shell')).AppShell, ErrorBoundary: routeError },
    // Only the shell's own failure (no /config.json) lands in its error screen; screens fail inside the shell.
    loader: shellLoader,
    hydrateFallbackElement: <ShellLoading />,
    children: [
      {
        lazy: { ErrorBoundary: routeError },
        children: [
          { index: true, lazy: () => import('../features/catalog/routes/catalog-home') },
          { path: 'request/:itemId', lazy: () => import('../features/request-form/routes/new-request') },
          { path: 'requests', lazy: () => import('../features/requests/routes/my-requests') },
          { path: 'requests/:key', lazy: () => import('../features/requests/routes/request-view') },
          { path: 'approvals', lazy: () => import('../features/approvals/routes/approvals') },
          // The agent console, for staff (the API decides what each of them may read).
          { path: 'console', lazy: () => import('../features/queues/routes/queue') },
          { path: 'console/tickets/:key', lazy: () => import('../features/ticket/routes/ticket-view') },
          // Managers' team views and the admins' screens (the API answers 403 to anyone else).
          { path: 'console/team', lazy: () => import('../features/team/routes/team-desks') },
          { path: 'console/team/:desk', lazy: () => import('../features/team/routes/team') },
          { path: 'console/admin/quarantine', lazy: () => import('../features/admin/routes/quarantine') },
          { path: 'console/admin/config', lazy: () => import('../features/admin/routes/config') },
          { path: '*', lazy: () => import('./not-found') },
        ],
      },
    ],
  },
];

/** The client-side paths, which the local server and CloudFront answer with index.html. */
export const CLIENT_PATHS = [
  '/',
  '/request/:itemId',
  '/requests',
  '/requests/:key',
  '/approvals',
  '/console',
  '/console/tickets/:key',
  '/console/team',
  '/console/team/:desk',
  '/console/admin/quarantine',
  '/console/admin/config',
  '/auth/callback',
  '/signed-out',
] as const;
