/**
 * `url` with the port actually bound when it names port 0: a public URL built from the settings before listening
 * on an ephemeral port (`--http-port 0` without SPINEQC_PUBLIC_URL) would send readers to `:0`. Any other URL,
 * an explicit SPINEQC_PUBLIC_URL included, is returned as it is.
 */
export function withBoundPort(url: string, port: number): string {
  const parsed = new URL(url);
  if (parsed.port !== '0') return url;
  parsed.port = String(port);
  // URL adds a "/" to an empty path; the configured form has no trailing slash.
  return parsed.toString().replace(/\/+$/, '');
}
