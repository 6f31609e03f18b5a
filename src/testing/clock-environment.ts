/**
 * The variables that set this process's clock, for a process a test starts with an
 * environment of its own: under libfaketime (CI runs the suite at a moved date) a child
 * without them would live on the real date while its database and its test do not.
 */
export function clockEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && (entry[0] === 'LD_PRELOAD' || entry[0].startsWith('FAKETIME')),
    ),
  );
}
