import { useEffect, useRef, useState } from 'react';
import { useFetcher } from 'react-router';

/** A page of a list as a route's loader answers it: its items and the next page's cursor, or a failure. */
export type ListPage<T> = { ok: true; items: T[]; nextCursor?: string | undefined } | { ok: false };

/**
 * "Show more" below a list whose first page the route's loader gave: pages loaded through a fetcher
 * are added below it, without the items it already shows. A revalidation's new first page drops
 * what was added; a failed page keeps its cursor, so the next press tries it again.
 */
export function useMorePages<T extends { key: string }>(first: { items: T[]; nextCursor?: string | undefined }, onAdded: (count: number) => void) {
  const fetcher = useFetcher<ListPage<T>>();
  const [added, setAdded] = useState<{ items: T[]; nextCursor?: string | undefined; failed?: boolean }>({ items: [], nextCursor: first.nextCursor });
  const handled = useRef<unknown>(undefined);

  useEffect(() => setAdded({ items: [], nextCursor: first.nextCursor }), [first]);

  useEffect(() => {
    const page = fetcher.data;
    if (fetcher.state !== 'idle' || !page || handled.current === page) return;
    handled.current = page;
    if (!page.ok) return setAdded((current) => ({ ...current, failed: true }));
    setAdded((current) => ({ items: [...current.items, ...page.items], nextCursor: page.nextCursor }));
    onAdded(page.items.length);
  }, [fetcher.state, fetcher.data, onAdded]);

  return {
    items: [...first.items, ...added.items.filter((item) => !first.items.some((shown) => shown.key === item.key))],
    nextCursor: added.nextCursor,
    failed: Boolean(added.failed),
    loading: fetcher.state !== 'idle',
    load(href: string) {
      setAdded((current) => ({ ...current, failed: false }));
      void fetcher.load(href);
    },
  };
}
