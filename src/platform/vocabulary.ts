/** A fixed list of stored values with the words people read; stored values never change. */
export const vocabulary = <const T extends Record<string, string>>(names: T) => ({
  values: Object.keys(names) as [keyof T & string, ...(keyof T & string)[]],
  names,
});
