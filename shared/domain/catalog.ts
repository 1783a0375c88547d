import type { ApprovalStepConfig, CatalogNode, FormField } from '../config/catalog-schema.ts';
import type { ServiceDeskConfig } from '../config/config-schema.ts';
import type { Priority } from './priority.ts';
import type { TicketType } from './ticket.ts';

/**
 * A catalog node with everything it inherits from its ancestors resolved. Items are shared by every
 * lookup and frozen with their path and names: copy before changing.
 */
export interface ResolvedCatalogItem {
  node: CatalogNode;
  /** The nodes from the root down to and including this one. */
  path: CatalogNode[];
  /** Names along the path: the ticket's category, e.g. ["IT", "Hardware", "New laptop"]. */
  names: string[];
  desk: string;
  /** Undefined means the desk's first level. */
  level: string | undefined;
  type: TicketType;
  /** Undefined means the priority comes from elsewhere (impact x urgency or the default). */
  priority: Priority | undefined;
  form: FormField[];
  approval: ApprovalStepConfig[];
}

interface CatalogIndex {
  items: Map<string, ResolvedCatalogItem>;
  /** For each item, its own id and the ids of all its ancestors. */
  lineage: Map<string, ReadonlySet<string>>;
}

// Configurations are parsed once per process; keying by the object lets tests use many of them.
const indexes = new WeakMap<ServiceDeskConfig, CatalogIndex>();

/**
 * The catalog item with the given id, with desk, level, type and priority inherited from the
 * nearest ancestor that sets them; desk falls back to the configuration's default desk and type to
 * incident. A node that moves to another desk does not inherit its ancestors' level, which belongs
 * to the ancestors' desk. Undefined when no node has that id.
 */
export function findCatalogItem(config: ServiceDeskConfig, id: string): ResolvedCatalogItem | undefined {
  return catalogIndex(config).items.get(id);
}

/**
 * Whether the catalog item is one of the given nodes or lies below one of them. An unknown item is
 * within nothing.
 */
export function isWithin(config: ServiceDeskConfig, itemId: string, ancestorIds: readonly string[]): boolean {
  const lineage = catalogIndex(config).lineage.get(itemId);
  return lineage !== undefined && ancestorIds.some((id) => lineage.has(id));
}

function catalogIndex(config: ServiceDeskConfig): CatalogIndex {
  let index = indexes.get(config);
  if (!index) {
    index = buildIndex(config);
    indexes.set(config, index);
  }
  return index;
}

interface Inherited {
  path: CatalogNode[];
  desk: string;
  level: string | undefined;
  type: TicketType;
  priority: Priority | undefined;
}

function buildIndex(config: ServiceDeskConfig): CatalogIndex {
  const items = new Map<string, ResolvedCatalogItem>();
  const lineage = new Map<string, ReadonlySet<string>>();
  const visit = (node: CatalogNode, parent: Inherited) => {
    const path = [...parent.path, node];
    const desk = node.desk ?? parent.desk;
    const inherited: Inherited = {
      path,
      desk,
      level: node.level ?? (desk === parent.desk ? parent.level : undefined),
      type: node.type ?? parent.type,
      priority: node.priority ?? parent.priority,
    };
    // The configuration refuses duplicate ids; should one slip through, the first node keeps it.
    if (!items.has(node.id)) {
      items.set(
        node.id,
        Object.freeze({
          node,
          path: Object.freeze(path) as CatalogNode[],
          names: Object.freeze(path.map((step) => step.name)) as string[],
          desk: inherited.desk,
          level: inherited.level,
          type: inherited.type,
          priority: inherited.priority,
          form: node.form,
          approval: node.approval,
        }),
      );
      lineage.set(node.id, new Set(path.map((step) => step.id)));
    }
    node.children.forEach((child) => visit(child, inherited));
  };
  const root: Inherited = { path: [], desk: config.defaultDesk, level: undefined, type: 'incident', priority: undefined };
  config.catalog.forEach((node) => visit(node, root));
  return { items, lineage };
}
