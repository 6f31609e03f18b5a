/**
 * Wrapping without font metrics: the server cannot measure the reader's font, so each
 * character is given a generous width (in ems) that common sans-serif system fonts stay
 * inside. A line that fits by this estimate fits on screen, at the cost of some slack.
 */
const NARROW = new Set("iljI|!.,:;'` ");
const MEDIUM = new Set('ftr()[]{}-/"');
const WIDE = new Set('mwMW@%&');
const BOLD_FACTOR = 1.1;

function characterEms(character: string) {
  if (NARROW.has(character)) return 0.32;
  if (MEDIUM.has(character)) return 0.42;
  if (WIDE.has(character)) return 0.98;
  if (/[A-Z]/.test(character)) return 0.76;
  if (/[a-z0-9]/.test(character)) return 0.62;
  return 1; // anything else (accents, symbols, other scripts): assume a full em
}

export interface TextStyle {
  fontSize: number;
  bold?: boolean;
}

/** The estimated width of a string in pixels, never less than it will really take. */
export function textWidth(text: string, style: TextStyle) {
  let ems = 0;
  for (const character of text) ems += characterEms(character);
  return ems * style.fontSize * (style.bold ? BOLD_FACTOR : 1);
}

/** Splits a word too long for any line into pieces that each fit. */
function breakWord(word: string, maxWidth: number, style: TextStyle) {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece && textWidth(piece + character, style) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Words onto lines no wider than maxWidth; always at least one line. */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, style) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = textWidth(word, style) <= maxWidth ? [word] : breakWord(word, maxWidth, style);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
