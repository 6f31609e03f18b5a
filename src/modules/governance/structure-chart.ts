import {
  inReadingOrder,
  structureTree,
  type StructureBody,
  type StructureNode,
} from './structure-tree.js';
import { wrapText, type TextStyle } from './text-wrap.js';

/**
 * The governance structure as positioned boxes and connector lines, in SVG pixels: the
 * chart is drawn at its natural size (never scaled down) so text stays at 14px and more,
 * and a page scrolls it sideways when it is wider than the screen.
 *
 * - wide: the organisation-chart shape of the arrangements document: roots along the top,
 *   each body's children in the row below it, siblings side by side.
 * - narrow: for phones, one box per line, each indented under the body it reports to.
 */
export type ChartVariant = 'wide' | 'narrow';

export type Point = readonly [x: number, y: number];

export interface ChartBox {
  id: string;
  name: string;
  bodyType: string;
  typeName: string;
  meets: string;
  depth: number;
  parentId: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
  typeLines: string[];
  nameLines: string[];
}

/** A line from a child's box to its parent's, as a path of straight segments. */
export interface Connector {
  childId: string;
  parentId: string;
  points: Point[];
}

export interface ChartLayout {
  variant: ChartVariant;
  width: number;
  height: number;
  boxes: ChartBox[];
  connectors: Connector[];
}

export const TYPE_STYLE: TextStyle = { fontSize: 14 };
export const NAME_STYLE: TextStyle = { fontSize: 16, bold: true };
export const BOX = {
  padding: 10,
  typeLineHeight: 20,
  nameLineHeight: 21,
  margin: 16,
} as const;
/** A page's main column is 960px at most: four boxes and a bit. */
const WIDE = { boxWidth: 200, columnGap: 16, rowGap: 40, columnsOnPage: 4 } as const;
/** Fits a 360px phone (a 330px column) at natural size. */
const NARROW = { width: 288, indent: 20, minimumBoxWidth: 200, rowGap: 12 } as const;

const innerWidth = (width: number) => width - 2 * BOX.padding;
const heightFor = (box: Pick<ChartBox, 'typeLines' | 'nameLines'>) =>
  2 * BOX.padding +
  box.typeLines.length * BOX.typeLineHeight +
  box.nameLines.length * BOX.nameLineHeight;

function boxOf(node: StructureNode, parentId: string | null, width: number): ChartBox {
  return {
    id: node.body.id,
    name: node.body.name,
    bodyType: node.body.bodyType,
    typeName: node.typeName,
    meets: node.meets,
    depth: node.depth,
    parentId,
    x: 0,
    y: 0,
    width,
    height: 0,
    typeLines: wrapText(node.typeName, innerWidth(width), TYPE_STYLE),
    nameLines: wrapText(node.body.name, innerWidth(width), NAME_STYLE),
  };
}

/** Boxes in reading order, each knowing its parent. */
function boxesOf(roots: StructureNode[], widthAt: (depth: number) => number) {
  const parents = new Map<string, string>();
  for (const node of inReadingOrder(roots))
    for (const child of node.children) parents.set(child.body.id, node.body.id);
  return inReadingOrder(roots).map((node) =>
    boxOf(node, parents.get(node.body.id) ?? null, widthAt(node.depth)),
  );
}

/**
 * Each leaf takes the next column; a parent sits centred over its children. Every subtree
 * keeps to its own run of columns, so boxes in a row can never overlap. A family wider
 * than the page has its parent over its first child instead, so the top of the chart is
 * in view before any scrolling.
 */
function placeColumns(roots: StructureNode[]) {
  const column = new Map<string, number>();
  let next = 0;
  const place = (node: StructureNode): number => {
    const childColumns = node.children.map(place);
    const [first, last] = [childColumns[0], childColumns.at(-1)];
    const at =
      first === undefined || last === undefined
        ? next++
        : last - first < WIDE.columnsOnPage
          ? (first + last) / 2
          : first;
    column.set(node.body.id, at);
    return at;
  };
  roots.forEach(place);
  return { column, columns: next };
}

function layoutWide(roots: StructureNode[]): ChartLayout {
  const boxes = boxesOf(roots, () => WIDE.boxWidth);
  const { column, columns } = placeColumns(roots);
  const rows = Math.max(0, ...boxes.map((box) => box.depth + 1));
  // One height per row, the tallest name in it, so a row reads as a row.
  const rowHeights = Array.from({ length: rows }, (_, depth) =>
    Math.max(...boxes.filter((box) => box.depth === depth).map(heightFor)),
  );
  const rowTops = rowHeights.map(
    (_, depth) =>
      BOX.margin +
      rowHeights.slice(0, depth).reduce((sum, height) => sum + height + WIDE.rowGap, 0),
  );
  for (const box of boxes) {
    box.x = BOX.margin + column.get(box.id)! * (WIDE.boxWidth + WIDE.columnGap);
    box.y = rowTops[box.depth]!;
    box.height = rowHeights[box.depth]!;
  }
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const connectors = boxes.flatMap((child) => {
    const parent = child.parentId ? byId.get(child.parentId) : undefined;
    if (!parent) return [];
    const parentX = parent.x + parent.width / 2;
    const childX = child.x + child.width / 2;
    const bottom = parent.y + parent.height;
    const bus = bottom + WIDE.rowGap / 2;
    const points: Point[] = [
      [parentX, bottom],
      [parentX, bus],
      [childX, bus],
      [childX, child.y],
    ];
    return [{ childId: child.id, parentId: parent.id, points }];
  });
  const width =
    columns === 0 ? 0 : 2 * BOX.margin + columns * WIDE.boxWidth + (columns - 1) * WIDE.columnGap;
  const last = rows - 1;
  const height = rows === 0 ? 0 : rowTops[last]! + rowHeights[last]! + BOX.margin;
  return { variant: 'wide', width, height, boxes, connectors };
}

function layoutNarrow(roots: StructureNode[]): ChartLayout {
  const widthAt = (depth: number) =>
    Math.max(NARROW.minimumBoxWidth, NARROW.width - depth * NARROW.indent);
  const boxes = boxesOf(roots, widthAt);
  let top = BOX.margin;
  for (const box of boxes) {
    box.x = BOX.margin + box.depth * NARROW.indent;
    box.y = top;
    box.height = heightFor(box);
    top += box.height + NARROW.rowGap;
  }
  const byId = new Map(boxes.map((box) => [box.id, box]));
  // The line drops from the parent's left edge, to the left of every box below it.
  const connectors = boxes.flatMap((child) => {
    const parent = child.parentId ? byId.get(child.parentId) : undefined;
    if (!parent) return [];
    const x = parent.x + NARROW.indent / 2;
    const middle = child.y + child.height / 2;
    const points: Point[] = [
      [x, parent.y + parent.height],
      [x, middle],
      [child.x, middle],
    ];
    return [{ childId: child.id, parentId: parent.id, points }];
  });
  const width =
    boxes.length === 0 ? 0 : Math.max(...boxes.map((box) => box.x + box.width)) + BOX.margin;
  const height = boxes.length === 0 ? 0 : top - NARROW.rowGap + BOX.margin;
  return { variant: 'narrow', width, height, boxes, connectors };
}

/** Positions every body of the list; bodies reporting to no listed body are roots. */
export function layoutStructure(
  bodies: readonly StructureBody[],
  variant: ChartVariant = 'wide',
): ChartLayout {
  const roots = structureTree(bodies);
  return variant === 'wide' ? layoutWide(roots) : layoutNarrow(roots);
}
