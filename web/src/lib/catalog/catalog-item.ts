import type { components } from '../api/schema';

type CatalogNode = components['schemas']['CatalogNode'];

/** The catalog item a ticket was opened from, anywhere in the tree; undefined when the catalog no longer has it. */
export function findCatalogItem(nodes: readonly CatalogNode[], id: string | undefined): CatalogNode | undefined {
  if (!id) return undefined;
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findCatalogItem(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The labels of a catalog item's form fields, by field id; empty when the item is not in the catalog. */
export function formLabels(catalog: readonly CatalogNode[], itemId: string | undefined): Map<string, string> {
  return new Map((findCatalogItem(catalog, itemId)?.form ?? []).map((field) => [field.id, field.label]));
}
