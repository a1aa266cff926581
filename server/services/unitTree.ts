// Pure helpers over a tree kept as parent pointers: ancestors, cycle checks, depth-first order.
// Shared by unit edits (numeric ids) and the CSV import (keys for rows that do not exist yet).

export type ParentOf<K> = ReadonlyMap<K, K | null>;

/** Ancestors of `key`, nearest first. Stops at a repeat, so even bad data cannot loop forever. */
export function ancestors<K>(parentOf: ParentOf<K>, key: K): K[] {
  const seen = new Set<K>([key]);
  const out: K[] = [];
  for (let p = parentOf.get(key) ?? null; p !== null && !seen.has(p); p = parentOf.get(p) ?? null) {
    out.push(p);
    seen.add(p);
  }
  return out;
}

/** True when giving `key` the parent `parent` would make it its own ancestor. */
export function wouldCycle<K>(parentOf: ParentOf<K>, key: K, parent: K | null): boolean {
  if (parent === null) return false;
  return parent === key || ancestors(parentOf, parent).includes(key);
}

/** Every key that lies on a cycle, each mapped to the cycle it lies on (in parent order). */
export function cycles<K>(parentOf: ParentOf<K>): Map<K, K[]> {
  const done = new Set<K>();
  const found = new Map<K, K[]>();
  for (const start of parentOf.keys()) {
    const path: K[] = [];
    const onPath = new Map<K, number>();
    let k: K | null = start;
    while (k !== null && !done.has(k) && !onPath.has(k)) {
      onPath.set(k, path.length);
      path.push(k);
      k = parentOf.get(k) ?? null;
    }
    if (k !== null && onPath.has(k)) {
      const cycle = path.slice(onPath.get(k));
      for (const c of cycle) found.set(c, cycle);
    }
    for (const p of path) done.add(p);
  }
  return found;
}

export interface TreeNode {
  id: number;
  parentId: number | null;
  name: string;
}

/**
 * Depth-first order (siblings by Danish name) with depth and the names above each node.
 * A node whose parent is missing counts as a root, so the list always holds every node.
 */
export function depthFirst<T extends TreeNode>(nodes: readonly T[]): (T & { depth: number; path: string[] })[] {
  const byParent = new Map<number | null, T[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const parent = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), n]);
  }
  const collator = new Intl.Collator('da');
  for (const list of byParent.values()) list.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  const out: (T & { depth: number; path: string[] })[] = [];
  const visited = new Set<number>();
  const walk = (parent: number | null, depth: number, path: string[]) => {
    for (const n of byParent.get(parent) ?? []) {
      if (visited.has(n.id)) continue;
      visited.add(n.id);
      out.push({ ...n, depth, path });
      walk(n.id, depth + 1, [...path, n.name]);
    }
  };
  walk(null, 0, []);
  // Nodes on a cycle are unreachable from a root; list them rather than lose them.
  for (const n of nodes) if (!visited.has(n.id)) out.push({ ...n, depth: 0, path: [] });
  return out;
}

export type Nested<T> = T & { children: Nested<T>[] };

/** The same nodes nested under their parents, in the order of `depthFirst`. */
export function nest<T extends TreeNode>(ordered: readonly T[]): Nested<T>[] {
  const byId = new Map<number, { node: Nested<T>; at: number }>(ordered.map((n, at) => [n.id, { node: { ...n, children: [] }, at }]));
  const roots: Nested<T>[] = [];
  ordered.forEach((n, at) => {
    const { node } = byId.get(n.id)!;
    const parent = n.parentId !== null ? byId.get(n.parentId) : undefined;
    // Only attach below a node listed earlier: parents precede children, and a cycle cannot swallow nodes.
    if (parent && parent.at < at) parent.node.children.push(node);
    else roots.push(node);
  });
  return roots;
}
