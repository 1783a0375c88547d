import { useMemo, useState } from 'react';
import { Input, Label, SearchField, Text } from 'react-aria-components';
import { useLoaderData } from 'react-router';
import { authSession } from '../../../lib/auth/auth-session';
import { useMessages } from '../../../lib/i18n/use-messages';
import { allEntries, categoriesOf, loadCatalog, loadOpenRequests, searchCatalog } from '../api/catalog';
import { CatalogItemList } from '../components/catalog-item-list';
import { OpenRequests } from '../components/open-requests';
import { catalogMessages } from '../messages';
import '../catalog.css';

const OPEN_REQUESTS_SHOWN = 5;

export async function loader() {
  // Signed-out people see the sign-in page; nothing to ask the API for.
  if (!(await authSession.person())) return { catalog: [], open: [] };
  const [catalog, open] = await Promise.all([loadCatalog(), loadOpenRequests(OPEN_REQUESTS_SHOWN).catch(() => null)]);
  return { catalog, open };
}

/** Home: what one can ask for (searchable, pinned first) and the person's open requests. */
export function Component() {
  const t = useMessages(catalogMessages);
  const { catalog, open } = useLoaderData<typeof loader>();
  const [query, setQuery] = useState('');
  const entries = useMemo(() => allEntries(catalog), [catalog]);
  const categories = useMemo(() => categoriesOf(catalog), [catalog]);
  const pinned = entries.filter((entry) => entry.pinned);
  const results = useMemo(() => searchCatalog(entries, query), [entries, query]);
  const searching = query.trim() !== '';

  return (
    <div className="catalog-home">
      <div className="catalog-main">
        <h1>{t.format('title')}</h1>
        <p className="muted">{t.format('intro')}</p>

        {/* role="search" rather than <search>: the element is unknown to browsers before 2023. */}
        <div role="search" className="catalog-search">
          <SearchField value={query} onChange={setQuery} className="field search-field">
            <Label>{t.format('search')}</Label>
            <Input className="input" />
            <Text slot="description" className="field-help">
              {t.format('searchHelp')}
            </Text>
          </SearchField>
        </div>
        <p role="status" className={searching ? 'search-status' : 'visually-hidden'}>
          {searching ? (results.length > 0 ? t.format('resultCount', { count: results.length }) : t.format('noResults', { query: query.trim() })) : ''}
        </p>

        {searching && results.length > 0 && (
          <section aria-labelledby="results-title">
            <h2 id="results-title">{t.format('results')}</h2>
            <CatalogItemList items={results} showPath />
          </section>
        )}

        {!searching && pinned.length > 0 && (
          <section aria-labelledby="pinned-title" className="catalog-pinned">
            <h2 id="pinned-title">{t.format('pinned')}</h2>
            <CatalogItemList items={pinned} />
          </section>
        )}

        {!searching && (
          <section aria-labelledby="categories-title">
            <h2 id="categories-title">{t.format('categories')}</h2>
            {categories.length === 0 && <p>{t.format('emptyCatalog')}</p>}
            {categories.map((category) => (
              <section key={category.id} aria-labelledby={`category-${category.id}`} className="catalog-category">
                <h3 id={`category-${category.id}`}>{category.name}</h3>
                {category.description && <p className="muted">{category.description}</p>}
                {category.groups.map((group) => (
                  <div key={group.id} className="catalog-group">
                    {group.name && <h4 className="catalog-group-title">{group.name}</h4>}
                    <CatalogItemList items={group.items} />
                  </div>
                ))}
              </section>
            ))}
          </section>
        )}
      </div>
      <aside className="catalog-aside" aria-labelledby="open-requests-title">
        <OpenRequests tickets={open} />
      </aside>
    </div>
  );
}
