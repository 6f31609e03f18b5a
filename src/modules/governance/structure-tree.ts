import { BODY_TYPES, CADENCES } from './governance.vocabulary.js';

/** What the structure picture needs to know of a body. */
export interface StructureBody {
  id: string;
  name: string;
  bodyType: string;
  reportsToId: string | null;
  cadence: string;
  cadenceNote?: string | null;
}

/** A body in the reporting tree, its children in reading order. */
export interface StructureNode {
  body: StructureBody;
  typeName: string;
  meets: string;
  depth: number;
  children: StructureNode[];
}

const TYPE_RANK = new Map<string, number>(BODY_TYPES.values.map((type, rank) => [type, rank]));

/** The type's words; an unknown stored value is shown as it is rather than hidden. */
export function typeNameOf(bodyType: string) {
  return (BODY_TYPES.names as Record<string, string>)[bodyType] ?? bodyType;
}

/** How often a body meets, in words that follow "meets". */
export function meetsOf(body: Pick<StructureBody, 'cadence' | 'cadenceNote'>) {
  if (body.cadence === 'custom' && body.cadenceNote) return body.cadenceNote;
  const name = (CADENCES.names as Record<string, string>)[body.cadence] ?? body.cadence;
  return name.toLowerCase();
}

/** Reading order: the partnership before its forum before sub-groups..., then by name. */
export function byTypeThenName(a: StructureBody, b: StructureBody) {
  const rank = (body: StructureBody) => TYPE_RANK.get(body.bodyType) ?? TYPE_RANK.size;
  return (
    rank(a) - rank(b) ||
    a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) ||
    a.name.localeCompare(b.name) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * The bodies as a forest: roots report to nobody. A body whose parent is not in the list
 * (closed, or another partnership's) is drawn as a root rather than lost, and a cycle that
 * somehow reached the data is cut rather than looped over forever.
 */
export function structureTree(bodies: readonly StructureBody[]): StructureNode[] {
  const known = new Set(bodies.map((body) => body.id));
  const childrenOf = new Map<string | null, StructureBody[]>();
  for (const body of bodies) {
    const parent = body.reportsToId && known.has(body.reportsToId) ? body.reportsToId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), body]);
  }
  const placed = new Set<string>();
  const grow = (body: StructureBody, depth: number): StructureNode => {
    placed.add(body.id);
    const children = [...(childrenOf.get(body.id) ?? [])]
      .filter((child) => !placed.has(child.id))
      .sort(byTypeThenName);
    for (const child of children) placed.add(child.id);
    return {
      body,
      typeName: typeNameOf(body.bodyType),
      meets: meetsOf(body),
      depth,
      children: children.map((child) => grow(child, depth + 1)),
    };
  };
  const roots = [...(childrenOf.get(null) ?? [])].sort(byTypeThenName).map((root) => grow(root, 0));
  const stranded = bodies.filter((body) => !placed.has(body.id)).sort(byTypeThenName);
  for (const body of stranded) if (!placed.has(body.id)) roots.push(grow(body, 0));
  return roots;
}

/** Every node, parents before their children, in reading order. */
export function inReadingOrder(roots: readonly StructureNode[]): StructureNode[] {
  return roots.flatMap((node) => [node, ...inReadingOrder(node.children)]);
}

const countOf = (count: number) => `${count} ${count === 1 ? 'body' : 'bodies'}`;

/** The chart in words, for a downloaded chart that travels without the list beside it. */
export function describeReportingLines(roots: readonly StructureNode[]) {
  const nodes = inReadingOrder(roots);
  const parentOf = new Map<string, StructureNode>();
  for (const node of nodes) for (const child of node.children) parentOf.set(child.body.id, node);
  const lines = nodes.map((node) => {
    const parent = parentOf.get(node.body.id);
    const what = `${node.body.name} (${node.typeName.toLowerCase()})`;
    return parent ? `${what} reports to ${parent.body.name}.` : `${what} reports to no other body.`;
  });
  return [`${countOf(nodes.length)} and whom each reports to.`, ...lines].join(' ');
}

/** A short description for a chart whose nested list follows it on the page. */
export function describeChart(roots: readonly StructureNode[]) {
  return `A chart of the ${countOf(inReadingOrder(roots).length)} and whom each reports to. The list after the chart gives the same structure as text.`;
}
