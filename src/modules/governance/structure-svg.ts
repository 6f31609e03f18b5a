import { BOX, NAME_STYLE, TYPE_STYLE, type ChartBox, type ChartLayout } from './structure-chart.js';

/** The system font stack of the pages, so a downloaded chart looks like the one on screen. */
const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const TEXT_COLOUR = '#0b0c0c';
const TYPE_COLOUR = '#484949';
const LINE_COLOUR = '#505a5f';

interface BoxStyle {
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** Rounded corners, a dash pattern and a double border tell types apart without colour. */
  corner: number;
  dash?: string;
  double?: boolean;
}

const BOX_STYLES: Record<string, BoxStyle> = {
  partnership: { fill: '#d2e2f1', stroke: TEXT_COLOUR, strokeWidth: 4, corner: 0 },
  executive: { fill: '#e8f1f8', stroke: '#1d70b8', strokeWidth: 3, corner: 0 },
  sub_group: { fill: '#ffffff', stroke: '#1d70b8', strokeWidth: 2, corner: 8 },
  priority_group: { fill: '#fff7bf', stroke: '#594d00', strokeWidth: 2, corner: 16 },
  reference_group: { fill: '#f3f2f1', stroke: LINE_COLOUR, strokeWidth: 2, corner: 8, dash: '8 4' },
  task_and_finish: { fill: '#ffffff', stroke: LINE_COLOUR, strokeWidth: 2, corner: 8, dash: '2 3' },
  other_board: { fill: '#ffffff', stroke: TEXT_COLOUR, strokeWidth: 2, corner: 0, double: true },
};
const FALLBACK_STYLE: BoxStyle = {
  fill: '#ffffff',
  stroke: LINE_COLOUR,
  strokeWidth: 2,
  corner: 0,
};

export const boxStyleOf = (bodyType: string) => BOX_STYLES[bodyType] ?? FALLBACK_STYLE;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every piece of data that goes into the SVG, text or attribute, goes through this. */
export const escapeXml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const round = (value: number) => Math.round(value * 10) / 10;

function frame(box: ChartBox) {
  const style = boxStyleOf(box.bodyType);
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  const outer = `<rect class="masa-structure-chart__box" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${style.corner}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.strokeWidth}"${dash}/>`;
  if (!style.double) return outer;
  const inset = 4;
  const inner = `<rect x="${box.x + inset}" y="${box.y + inset}" width="${box.width - 2 * inset}" height="${box.height - 2 * inset}" fill="none" stroke="${style.stroke}" stroke-width="1"/>`;
  return outer + inner;
}

/**
 * Lines of text, baselines set so each line sits inside its line height. Lines that wrapped
 * at a space are read with a space between them; a word broken across lines is read whole.
 */
function textLines(
  text: string,
  lines: string[],
  x: number,
  top: number,
  lineHeight: number,
  fontSize: number,
) {
  const whole = text.trim().replace(/\s+/g, ' ');
  let read = '';
  return lines
    .map((line, index) => {
      const baseline = round(top + index * lineHeight + (lineHeight + fontSize) / 2 - 2);
      const gap = index > 0 && whole.startsWith(`${read} ${line}`) ? ' ' : '';
      read += gap + line;
      return `${gap}<tspan x="${x}" y="${baseline}" font-size="${fontSize}">${escapeXml(line)}</tspan>`;
    })
    .join('');
}

/**
 * The type and the name in one text element, a space between them: the words a link shows
 * must read as its accessible name reads ("Sub-group: Learning"), or speech users cannot say
 * what they see (WCAG 2.5.3, axe's label-content-name-mismatch).
 */
function label(box: ChartBox) {
  const x = box.x + BOX.padding;
  const typeTop = box.y + BOX.padding;
  const nameTop = typeTop + box.typeLines.length * BOX.typeLineHeight;
  const type = textLines(
    box.typeName,
    box.typeLines,
    x,
    typeTop,
    BOX.typeLineHeight,
    TYPE_STYLE.fontSize,
  );
  const name = textLines(
    box.name,
    box.nameLines,
    x,
    nameTop,
    BOX.nameLineHeight,
    NAME_STYLE.fontSize,
  );
  return (
    `<text font-size="${TYPE_STYLE.fontSize}" fill="${TYPE_COLOUR}">${type} ` +
    `<tspan class="masa-structure-chart__name" font-size="${NAME_STYLE.fontSize}" font-weight="bold" fill="${TEXT_COLOUR}">${name}</tspan></text>`
  );
}

function boxMarkup(box: ChartBox, links: boolean) {
  const content = frame(box) + label(box);
  if (!links) return `<g>${content}</g>`;
  // The visible words, type first as on screen, so the link's name matches what is seen.
  const name = escapeXml(`${box.typeName}: ${box.name}`);
  return `<a href="/bodies/${encodeURIComponent(box.id)}" aria-label="${name}">${content}</a>`;
}

function connectorMarkup(layout: ChartLayout) {
  const paths = layout.connectors.map(({ points }) => {
    const [first, ...rest] = points;
    const d = `M${first![0]} ${first![1]}` + rest.map(([x, y]) => ` L${x} ${y}`).join('');
    return `<path d="${d}"/>`;
  });
  return `<g fill="none" stroke="${LINE_COLOUR}" stroke-width="2">${paths.join('')}</g>`;
}

export interface SvgOptions {
  /** Makes the title and description ids unique when several charts share a page. */
  idPrefix: string;
  title: string;
  description: string;
  /** On a page each box links to its body; a downloaded file has nowhere to link to. */
  links: boolean;
  className?: string;
}

/**
 * The chart as an SVG string, every piece of data escaped. A downloaded chart is one image
 * (role="img"). On a page its boxes are links, and children of role="img" are hidden from
 * assistive technology (axe: nested-interactive), so there the SVG is a labelled group
 * whose links can be reached; the nested list beside it is the full text alternative.
 */
export function renderStructureSvg(layout: ChartLayout, options: SvgOptions) {
  const titleId = `${options.idPrefix}-title`;
  const descId = `${options.idPrefix}-desc`;
  const role = options.links ? 'group' : 'img';
  const className = options.className ? ` class="${escapeXml(options.className)}"` : '';
  const open =
    `<svg xmlns="http://www.w3.org/2000/svg"${className} width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}"` +
    ` role="${role}" aria-labelledby="${escapeXml(titleId)}" aria-describedby="${escapeXml(descId)}" font-family="${escapeXml(FONT_FAMILY)}">`;
  return [
    open,
    `<title id="${escapeXml(titleId)}">${escapeXml(options.title)}</title>`,
    `<desc id="${escapeXml(descId)}">${escapeXml(options.description)}</desc>`,
    options.links ? '' : `<rect width="100%" height="100%" fill="#ffffff"/>`,
    connectorMarkup(layout),
    `<g>${layout.boxes.map((box) => boxMarkup(box, options.links)).join('')}</g>`,
    '</svg>',
  ].join('');
}
