/**
 * A polite live region: screen readers announce its message when it changes. It stays in the page
 * (empty until there is something to say), since a region added together with its text is often
 * not announced.
 */
export function LiveStatus({ message, visible = false }: { message: string; visible?: boolean }) {
  return (
    <div role="status" className={visible ? 'live-status' : 'visually-hidden'}>
      {message}
    </div>
  );
}
