import { useMessages } from '../../../lib/i18n/use-messages';
import type { AdminConfig } from '../api/get-config';
import { adminMessages } from '../messages';

type CatalogNode = AdminConfig['catalog'][number];

/** The catalog as a nested list: each node with its desk, level, type, priority, approvals and form. */
export function ConfigCatalog({ nodes }: { nodes: readonly CatalogNode[] }) {
  return (
    <ul className="config-tree">
      {nodes.map((node) => (
        <CatalogEntry key={node.id} node={node} />
      ))}
    </ul>
  );
}

function CatalogEntry({ node }: { node: CatalogNode }) {
  const t = useMessages(adminMessages);
  return (
    <li>
      <p className="config-node-name">
        <strong>{node.name}</strong> <code>{node.id}</code>
      </p>
      <dl className="config-facts">
        <div>
          <dt>{t.format('config.catalog.desk')}</dt>
          <dd>{node.desk}</dd>
        </div>
        <div>
          <dt>{t.format('config.catalog.level')}</dt>
          <dd>{node.level}</dd>
        </div>
        <div>
          <dt>{t.format('config.catalog.type')}</dt>
          <dd>{node.type}</dd>
        </div>
        <div>
          <dt>{t.format('config.catalog.priority')}</dt>
          <dd>{node.priority ?? t.format('config.catalog.priorityMatrix')}</dd>
        </div>
        {node.approvals.length > 0 ? (
          <div>
            <dt>{t.format('config.catalog.approvals')}</dt>
            <dd>{node.approvals.map((step) => `${step.label}${step.approvers.length > 0 ? ` (${step.approvers.join(', ')})` : ''}`).join('; ')}</dd>
          </div>
        ) : null}
        {node.form.length > 0 ? (
          <div>
            <dt>{t.format('config.catalog.form')}</dt>
            <dd>{node.form.map((field) => `${field.label} (${field.type}${field.required ? `, ${t.format('config.catalog.required')}` : ''})`).join('; ')}</dd>
          </div>
        ) : null}
      </dl>
      {node.children.length > 0 ? <ConfigCatalog nodes={node.children} /> : null}
    </li>
  );
}
