/** The process environment, read in this one place (settings are validated by @spineqc/config). */
export function environment(): Record<string, string | undefined> {
  return process.env;
}
