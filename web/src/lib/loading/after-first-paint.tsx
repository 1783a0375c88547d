import { Suspense, useEffect, useState, type ReactNode } from 'react';

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
    // A task after the next frame: that frame has been painted by then.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        painted = true;
        setDone(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [done]);
  return done;
}

/**
 * Renders `children` (lazy components, as a rule) once the screen has been painted, and
 * `placeholder` until then and while they load; the placeholder keeps their place so nothing moves.
 */
export function AfterFirstPaint({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  return useAfterFirstPaint() ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
