import { requireScope } from '../auth/access-policy.ts';
import type { Principal } from '../auth/principal.ts';
import { SCOPES } from '../auth/scopes.ts';
import type { CatalogNode, FormField } from '../config/catalog-schema.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import { findCatalogItem } from '../domain/catalog.ts';
import type { TicketType } from '../domain/ticket.ts';

export interface CatalogDeps {
  config: ServiceDeskConfig;
}

/** A form field as requesters see it. */
export type CatalogFormFieldView = Pick<FormField, 'id' | 'label' | 'type' | 'required' | 'help' | 'options' | 'default' | 'min' | 'max'>;

/** A catalog node as requesters see it: no desks, levels, priorities or approvers. */
export interface CatalogNodeView {
  id: string;
  name: string;
  description?: string;
  /** Shown first on the portal's home page. */
  pinned: boolean;
  /** Inherited from the nearest ancestor that sets it; incident by default. */
  type: TicketType;
  requiresApproval: boolean;
  form: CatalogFormFieldView[];
  children: CatalogNodeView[];
}

// The view only changes with the configuration, which is parsed once per process.
const views = new WeakMap<ServiceDeskConfig, CatalogNodeView[]>();

/**
 * The service catalog for any signed-in person, and for machine clients with the tickets.read scope.
 * Routing internals stay out of it: which desk and level work an item and who approves it.
 */
export function getCatalog(deps: CatalogDeps, principal: Principal): { catalog: CatalogNodeView[] } {
  requireScope(principal, SCOPES.ticketsRead);
  let catalog = views.get(deps.config);
  if (!catalog) {
    catalog = deps.config.catalog.map((node) => nodeView(deps.config, node));
    views.set(deps.config, catalog);
  }
  return { catalog };
}

function nodeView(config: ServiceDeskConfig, node: CatalogNode): CatalogNodeView {
  return {
    id: node.id,
    name: node.name,
    ...(node.description !== undefined ? { description: node.description } : {}),
    pinned: node.pinned ?? false,
    type: findCatalogItem(config, node.id)?.type ?? node.type ?? 'incident',
    requiresApproval: node.approval.length > 0,
    form: node.form.map(fieldView),
    children: node.children.map((child) => nodeView(config, child)),
  };
}

// Fields are copied one by one so that anything later added to the configuration stays private.
function fieldView(field: FormField): CatalogFormFieldView {
  const view: CatalogFormFieldView = { id: field.id, label: field.label, type: field.type, required: field.required };
  if (field.help !== undefined) view.help = field.help;
  if (field.options !== undefined) view.options = [...field.options];
  if (field.default !== undefined) view.default = Array.isArray(field.default) ? [...field.default] : field.default;
  if (field.min !== undefined) view.min = field.min;
  if (field.max !== undefined) view.max = field.max;
  return view;
}
