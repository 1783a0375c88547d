import { startTransition, Suspense, useEffect, useState, type ReactNode } from 'react';

// Once the app has painted a screen, later screens need not wait for theirs.
let painted = false;

/**
 * False until the browser has painted the screen's first rendering: what a person does not need
 * to read the page (its menus, dialogs, forms of controls) loads after that, not before.
 */
export function useAfterFirstPaint(): boolean {
  const [done, setDone] = useState(painted);
  useEffect(() => {
    if (done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task after the next frame: that frame has been painted by then. As a transition, React
    // renders what arrives in slices between which the browser answers input.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        painted = true;
        startTransition(() => setDone(true));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [done]);
  return done;
}

/** After the first paint, the next time the browser is idle (at most half a second later): for work nobody waits for. */
export function useIdleAfterFirstPaint(wanted = true): boolean {
  const painted = useAfterFirstPaint();
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!wanted || !painted || idle) return;
    const settle = () => startTransition(() => setIdle(true));
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(settle, { timeout: 500 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(settle, 50);
    return () => clearTimeout(timer);
  }, [wanted, painted, idle]);
  return painted && (!wanted || idle);
}

/**
 * Renders `children` (lazy components, as a rule) once the screen has been painted, and
 * `placeholder` until then and while they load; the placeholder keeps their place so nothing moves.
 * `whenIdle` waits further, for the browser's next idle time: for a second part, so that the two
 * are not drawn in one long task.
 */
export function AfterFirstPaint({ children, placeholder, whenIdle = false }: { children: ReactNode; placeholder: ReactNode; whenIdle?: boolean }) {
  return useIdleAfterFirstPaint(whenIdle) ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
