import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import {
  BOX,
  NAME_STYLE,
  TYPE_STYLE,
  layoutStructure,
  type ChartBox,
  type ChartLayout,
  type ChartVariant,
  type Point,
} from './structure-chart.js';
import { renderStructureSvg } from './structure-svg.js';
import { describeReportingLines, structureTree, type StructureBody } from './structure-tree.js';
import { textWidth, wrapText } from './text-wrap.js';

let counter = 0;
const body = (
  name: string,
  bodyType: string,
  reportsToId: string | null = null,
  id = `body-${++counter}`,
): StructureBody => ({ id, name, bodyType, reportsToId, cadence: 'quarterly' });

/** The shape of the source document's chart, with fictional names. */
function northshire() {
  const partnership = body('Northshire Safeguarding Children Partnership', 'partnership');
  const forum = body('Partnership and Chairs Consultation Forum', 'executive', partnership.id);
  const groups = [
    body('Quality Assurance and Performance', 'sub_group', forum.id),
    body('Child Safeguarding Practice Review', 'sub_group', forum.id),
    body('Learning and Development', 'sub_group', forum.id),
    body('Neglect', 'priority_group', forum.id),
    body('Exploitation', 'priority_group', forum.id),
    body('Education Safeguarding', 'reference_group', forum.id),
    body('Voluntary and Faith Sector', 'reference_group', forum.id),
  ];
  const boards = [
    body('Council Scrutiny Committee', 'other_board'),
    body("Children's Trust Board", 'other_board'),
  ];
  return [...groups, ...boards, forum, partnership];
}

/** A body at each of `levels` levels, each reporting to the one above. */
function chain(levels: number) {
  const bodies: StructureBody[] = [];
  for (let level = 0; level < levels; level += 1)
    bodies.push(body(`Level ${level + 1} group`, 'sub_group', bodies.at(-1)?.id ?? null));
  return bodies;
}

function wide(siblings: number) {
  const parent = body('Partnership', 'partnership');
  const children = Array.from({ length: siblings }, (_, index) =>
    body(`Sub-group number ${index + 1} with a longish name`, 'sub_group', parent.id),
  );
  return [parent, ...children];
}

/** Several deep branches side by side, some with wide families, to stress both at once. */
function bushy() {
  const root = body('Partnership', 'partnership');
  const bodies = [root];
  for (let branch = 0; branch < 4; branch += 1) {
    let parent = body(`Branch ${branch}`, 'executive', root.id);
    bodies.push(parent);
    for (let level = 0; level < branch + 2; level += 1) {
      const kids = Array.from({ length: branch + 1 }, (_, index) =>
        body(`Group ${branch}.${level}.${index}`, 'sub_group', parent.id),
      );
      bodies.push(...kids);
      parent = kids[0]!;
    }
  }
  return bodies;
}

const overlap = (a: ChartBox, b: ChartBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function overlappingPairs(layout: ChartLayout) {
  const pairs: string[] = [];
  layout.boxes.forEach((a, index) =>
    layout.boxes.slice(index + 1).forEach((b) => {
      if (overlap(a, b)) pairs.push(`${a.name} / ${b.name}`);
    }),
  );
  return pairs;
}

/** Whether an axis-aligned segment passes through the inside of a box. */
function crosses([from, to]: [Point, Point], box: ChartBox) {
  const [left, right] = [Math.min(from[0], to[0]), Math.max(from[0], to[0])];
  const [top, bottom] = [Math.min(from[1], to[1]), Math.max(from[1], to[1])];
  return left < box.x + box.width && right > box.x && top < box.y + box.height && bottom > box.y;
}

const VARIANTS: ChartVariant[] = ['wide', 'narrow'];
const byName = (layout: ChartLayout, name: string) =>
  layout.boxes.find((box) => box.name === name)!;

/** The properties every layout must keep, whatever the data. */
function expectSoundLayout(layout: ChartLayout, bodies: StructureBody[]) {
  expect(layout.boxes).toHaveLength(bodies.length);
  expect(overlappingPairs(layout)).toEqual([]);
  const byId = new Map(layout.boxes.map((box) => [box.id, box]));
  for (const box of layout.boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    for (const line of box.nameLines)
      expect(textWidth(line, NAME_STYLE)).toBeLessThanOrEqual(box.width - 2 * BOX.padding);
    expect(box.height).toBeGreaterThanOrEqual(
      2 * BOX.padding +
        box.typeLines.length * BOX.typeLineHeight +
        box.nameLines.length * BOX.nameLineHeight,
    );
    for (const line of box.typeLines)
      expect(textWidth(line, TYPE_STYLE)).toBeLessThanOrEqual(box.width - 2 * BOX.padding);
    const parent = box.parentId ? byId.get(box.parentId) : undefined;
    if (parent) expect(box.y).toBeGreaterThanOrEqual(parent.y + parent.height);
  }
  const children = layout.boxes.filter((box) => box.parentId);
  expect(layout.connectors.map((line) => line.childId).sort()).toEqual(
    children.map((box) => box.id).sort(),
  );
  for (const connector of layout.connectors) {
    const child = byId.get(connector.childId)!;
    const parent = byId.get(connector.parentId)!;
    expect(child.parentId).toBe(parent.id);
    const first = connector.points[0]!;
    const last = connector.points.at(-1)!;
    expect(first[1]).toBe(parent.y + parent.height);
    expect(first[0]).toBeGreaterThan(parent.x);
    expect(first[0]).toBeLessThan(parent.x + parent.width);
    const onChildEdge =
      (last[1] === child.y && last[0] > child.x && last[0] < child.x + child.width) ||
      (last[0] === child.x && last[1] > child.y && last[1] < child.y + child.height);
    expect(onChildEdge).toBe(true);
    const segments = connector.points
      .slice(1)
      .map((point, index) => [connector.points[index]!, point] as [Point, Point]);
    for (const segment of segments) {
      expect(segment[0][0] === segment[1][0] || segment[0][1] === segment[1][1]).toBe(true);
      const through = layout.boxes.filter((box) => crosses(segment, box));
      expect(through.map((box) => box.name)).toEqual([]);
    }
  }
}

describe('wrapping names onto lines', () => {
  it('keeps every word, in order, on lines that fit', () => {
    const name = 'Partnership and Chairs Consultation Forum for the whole county';
    const lines = wrapText(name, 160, NAME_STYLE);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(name);
    for (const line of lines) expect(textWidth(line, NAME_STYLE)).toBeLessThanOrEqual(160);
  });

  it('breaks a word longer than a line into pieces rather than letting it overflow', () => {
    const word = 'Multiagencysafeguardingarrangementsimplementationgroup';
    const lines = wrapText(`The ${word}`, 160, NAME_STYLE);
    expect(lines.join('').replace(/\s/g, '')).toBe(`The${word}`);
    for (const line of lines) expect(textWidth(line, NAME_STYLE)).toBeLessThanOrEqual(160);
  });

  it('estimates wide letters and bold text as wider', () => {
    expect(textWidth('WWW', TYPE_STYLE)).toBeGreaterThan(textWidth('iii', TYPE_STYLE));
    expect(textWidth('Forum', NAME_STYLE)).toBeGreaterThan(
      textWidth('Forum', { fontSize: NAME_STYLE.fontSize }),
    );
  });
});

describe('the structure chart layout', () => {
  for (const variant of VARIANTS) {
    describe(`${variant} variant`, () => {
      it('lays out the arrangements document shape soundly', () => {
        const bodies = northshire();
        expectSoundLayout(layoutStructure(bodies, variant), bodies);
      });

      it('lays out a tree six levels deep', () => {
        const bodies = chain(6);
        const layout = layoutStructure(bodies, variant);
        expectSoundLayout(layout, bodies);
        expect(Math.max(...layout.boxes.map((box) => box.depth))).toBe(5);
      });

      it('lays out fifteen siblings', () => {
        const bodies = wide(15);
        expectSoundLayout(layoutStructure(bodies, variant), bodies);
      });

      it('lays out deep and wide branches together', () => {
        const bodies = bushy();
        expectSoundLayout(layoutStructure(bodies, variant), bodies);
      });

      it('wraps a long name onto more lines and makes its box taller', () => {
        const long = body('A'.repeat(3) + ' very long name '.repeat(8), 'sub_group');
        const short = body('Short', 'sub_group');
        const layout = layoutStructure([long, short], variant);
        expectSoundLayout(layout, [long, short]);
        expect(byName(layout, long.name).nameLines.length).toBeGreaterThan(4);
        expect(byName(layout, 'Short').nameLines).toEqual(['Short']);
      });

      it('is the same whatever order the bodies come in', () => {
        const bodies = northshire();
        const reversed = layoutStructure([...bodies].reverse(), variant);
        expect(layoutStructure(bodies, variant)).toEqual(reversed);
      });

      it('draws nothing for no bodies', () => {
        expect(layoutStructure([], variant)).toMatchObject({ width: 0, height: 0, boxes: [] });
      });
    });
  }

  it('puts roots on the top row, each child in the row below, siblings side by side', () => {
    const layout = layoutStructure(northshire(), 'wide');
    const top = Math.min(...layout.boxes.map((box) => box.y));
    const roots = layout.boxes.filter((box) => !box.parentId);
    expect(roots.map((box) => box.name)).toEqual([
      'Northshire Safeguarding Children Partnership',
      "Children's Trust Board",
      'Council Scrutiny Committee',
    ]);
    for (const root of roots) expect(root.y).toBe(top);
    const forum = byName(layout, 'Partnership and Chairs Consultation Forum');
    const groups = layout.boxes.filter((box) => box.parentId === forum.id);
    expect(new Set(groups.map((box) => box.y)).size).toBe(1);
    expect(groups[0]!.y).toBeGreaterThan(forum.y + forum.height);
    const lefts = groups.map((box) => box.x);
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  });

  it('orders siblings by type, then by name', () => {
    const layout = layoutStructure(northshire(), 'wide');
    const forum = byName(layout, 'Partnership and Chairs Consultation Forum');
    expect(layout.boxes.filter((box) => box.parentId === forum.id).map((box) => box.name)).toEqual([
      'Child Safeguarding Practice Review',
      'Learning and Development',
      'Quality Assurance and Performance',
      'Exploitation',
      'Neglect',
      'Education Safeguarding',
      'Voluntary and Faith Sector',
    ]);
  });

  it('indents each body under its parent in the narrow variant', () => {
    const layout = layoutStructure(chain(3), 'narrow');
    const [first, second, third] = layout.boxes;
    expect(second!.x).toBeGreaterThan(first!.x);
    expect(third!.x).toBeGreaterThan(second!.x);
    expect(layout.width).toBeLessThanOrEqual(330);
  });

  it('draws a body whose parent is not listed as a root, and survives a reporting loop', () => {
    const orphan = body('Orphaned group', 'sub_group', 'closed-body');
    const a = body('Loop A', 'sub_group', 'loop-b', 'loop-a');
    const b = body('Loop B', 'sub_group', 'loop-a', 'loop-b');
    const layout = layoutStructure([orphan, a, b], 'wide');
    expect(byName(layout, 'Orphaned group').parentId).toBeNull();
    expect(layout.boxes).toHaveLength(3);
    expect(overlappingPairs(layout)).toEqual([]);
  });
});

describe('the structure chart as SVG', () => {
  const render = (bodies: StructureBody[], links = true, variant: ChartVariant = 'wide') =>
    renderStructureSvg(layoutStructure(bodies, variant), {
      idPrefix: 'chart',
      title: 'Governance structure of Northshire',
      description: describeReportingLines(structureTree(bodies)),
      links,
    });

  it('escapes every name, so a body called <script> is only text', () => {
    const hostile = body('<script>alert("x")</script> & \'friends\'', 'sub_group');
    const svg = render([hostile]);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    const $ = cheerio.load(svg, { xml: true });
    expect($('script')).toHaveLength(0);
    expect($('a').attr('aria-label')).toBe(`Sub-group: ${hostile.name}`);
    const shown = $('.masa-structure-chart__name').text().replace(/\s/g, '');
    expect(shown).toBe(hostile.name.replace(/\s/g, ''));
  });

  it('shows in each link the words of its accessible name, in order, so speech users can say them', () => {
    // As axe's label-content-name-mismatch compares them: punctuation dropped, spaces collapsed.
    const curated = (value: string) =>
      value
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s]/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
    const long = body(
      'Multi-agency Safeguarding Hub Oversight and Assurance Subcommittee',
      'sub_group',
    );
    const bodies = [...northshire(), long];
    for (const variant of ['wide', 'narrow'] as const) {
      const $ = cheerio.load(render(bodies, true, variant), { xml: true });
      const links = $('a').toArray();
      expect(links).toHaveLength(bodies.length);
      for (const link of links) {
        const name = $(link).attr('aria-label')!;
        const shown = $(link).text();
        expect(curated(name), `${variant}: ${shown}`).toContain(curated(shown));
        expect(curated(shown)).not.toBe('');
      }
    }
  });

  it('is labelled by a title and a description, and each box links to its body', () => {
    const bodies = northshire();
    const $ = cheerio.load(render(bodies), { xml: true });
    const svg = $('svg');
    expect(svg.attr('aria-labelledby')).toBe('chart-title');
    expect($('#chart-title').text()).toBe('Governance structure of Northshire');
    expect($('#chart-desc').text()).toContain(
      'Neglect (priority group) reports to Partnership and Chairs Consultation Forum.',
    );
    expect(svg.attr('aria-describedby')).toBe('chart-desc');
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(expect.arrayContaining(bodies.map((one) => `/bodies/${one.id}`)));
    expect($('a')).toHaveLength(bodies.length);
    expect($('path')).toHaveLength(bodies.filter((one) => one.reportsToId).length);
  });

  it('is one image without links when downloaded', () => {
    const $ = cheerio.load(render(northshire(), false), { xml: true });
    expect($('svg').attr('role')).toBe('img');
    expect($('a')).toHaveLength(0);
  });

  it('names each box’s type in words and draws types differently', () => {
    const $ = cheerio.load(render(northshire()), { xml: true });
    const boxText = (name: string) =>
      $('a')
        .filter((_, a) => $(a).attr('aria-label')!.endsWith(name))
        .first();
    expect(boxText('Neglect').text()).toContain('Priority group');
    expect(boxText('Council Scrutiny Committee').text()).toContain('Other board');
    const look = (name: string) => {
      const rect = boxText(name).find('rect').first();
      return ['rx', 'stroke-dasharray', 'stroke-width', 'fill'].map((key) => rect.attr(key));
    };
    const looks = ['Neglect', 'Learning and Development', 'Education Safeguarding'].map(look);
    expect(new Set(looks.map((one) => JSON.stringify(one))).size).toBe(3);
  });

  it('sets all text at 14px or more, at its natural size', () => {
    for (const variant of VARIANTS) {
      const $ = cheerio.load(render(northshire(), true, variant), { xml: true });
      const sizes = $('text')
        .map((_, text) => Number($(text).attr('font-size')))
        .get();
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
      expect($('svg').attr('width')).toBe($('svg').attr('viewBox')!.split(' ')[2]);
    }
  });
});
