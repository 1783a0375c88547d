import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { ErrorPanel } from '../../../components/error-panel';
import { authSession } from '../../../lib/auth/auth-session';
import { useMessages } from '../../../lib/i18n/use-messages';
import { loadCatalogItem } from '../api/request-form-api';
import { RequestForm } from '../components/request-form';
import { requestFormMessages } from '../messages';
import '../request-form.css';

export async function loader({ params }: LoaderFunctionArgs) {
  if (!(await authSession.person())) return { item: undefined };
  return { item: await loadCatalogItem(params.itemId ?? '') };
}

/** `/request/:itemId`: the catalog item's form. */
export function Component() {
  const t = useMessages(requestFormMessages);
  const { item } = useLoaderData<typeof loader>();
  if (!item) {
    return (
      <ErrorPanel title={t.format('itemNotFoundTitle')}>
        <p>{t.format('itemNotFound')}</p>
        <p>
          <Link to="/">{t.format('backToCatalog')}</Link>
        </p>
      </ErrorPanel>
    );
  }
  return (
    <div className="new-request">
      <nav aria-label={t.format('breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t.format('breadcrumb')}</Link>
          </li>
          {item.path.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ol>
      </nav>
      <h1>{item.node.name}</h1>
      {item.node.description && <p>{item.node.description}</p>}
      {item.node.requiresApproval && <p className="note">{t.format('needsApproval')}</p>}
      <RequestForm key={item.node.id} item={item} />
    </div>
  );
}
