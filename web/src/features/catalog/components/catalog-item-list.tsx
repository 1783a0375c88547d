import { Link } from 'react-router';
import { useMessages } from '../../../lib/i18n/use-messages';
import type { CatalogEntry } from '../api/catalog';
import { catalogMessages } from '../messages';

/** Items as links to their request form, with their description. */
export function CatalogItemList({ items, showPath = false }: { items: readonly CatalogEntry[]; showPath?: boolean }) {
  const t = useMessages(catalogMessages);
  return (
    <ul className="catalog-items">
      {items.map((item) => (
        <li key={item.id} className="catalog-item">
          <Link to={`/request/${encodeURIComponent(item.id)}`} className="catalog-item-link">
            {item.name}
          </Link>
          {showPath && item.path.length > 0 && <span className="catalog-item-path">{item.path.join(' › ')}</span>}
          {item.description && <span className="catalog-item-description">{item.description}</span>}
          {item.requiresApproval && <span className="badge">{t.format('needsApproval')}</span>}
        </li>
      ))}
    </ul>
  );
}
