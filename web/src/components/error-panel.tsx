import type { ReactNode, Ref } from 'react';

/** A failure shown in place of a screen: its heading (focusable, so it can take focus) and what to do. */
export function ErrorPanel({ title, children, headingRef }: { title: string; children: ReactNode; headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <section className="panel error-panel" aria-labelledby="error-title">
      <h1 id="error-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
