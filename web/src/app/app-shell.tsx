import { Outlet } from 'react-router';

// Placeholder shell until the header, navigation and sign-in state are built.
export function AppShell() {
  return (
    <main id="main">
      <Outlet />
    </main>
  );
}
