/** Text searched for with LIKE, with its wildcards taken literally. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
