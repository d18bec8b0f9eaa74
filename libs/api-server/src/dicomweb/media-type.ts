/** A parsed Content-Type: lower-case essence ("type/subtype") and parameters (names lower-cased, values as sent). */
export interface MediaType {
  essence: string;
  parameters: Map<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Parses a media type (RFC 9110 §8.3.1). Lenient where clients commonly stray: unquoted values
 * containing "/" (type=application/dicom) and stray semicolons. Returns undefined when there is
 * no "type/subtype".
 */
export function parseMediaType(header: string): MediaType | undefined {
  const text = header.trim();
  const semicolon = text.indexOf(';');
  const essence = (semicolon < 0 ? text : text.slice(0, semicolon)).trim().toLowerCase();
  const [type, subtype, extra] = essence.split('/');
  if (!type || !subtype || extra !== undefined || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;
  const parameters = new Map<string, string>();
  let i = semicolon < 0 ? text.length : semicolon;
  while (i < text.length) {
    i = skip(text, i, /[;\s]/);
    const eq = text.indexOf('=', i);
    if (eq < 0) break;
    const name = text.slice(i, eq).trim().toLowerCase();
    i = skip(text, eq + 1, /[ \t]/);
    let value: string;
    if (text[i] === '"') {
      ({ value, end: i } = quotedString(text, i));
    } else {
      const end = text.indexOf(';', i);
      value = text.slice(i, end < 0 ? text.length : end).trim();
      i = end < 0 ? text.length : end;
    }
    // The first occurrence wins, as with duplicate parameters in most parsers.
    if (name && !parameters.has(name)) parameters.set(name, value);
  }
  return { essence, parameters };
}

/** The lower-case "type/subtype" of a media type, or '' when it has none. */
export function essenceOf(header: string): string {
  return parseMediaType(header)?.essence ?? '';
}

function skip(text: string, from: number, chars: RegExp): number {
  let i = from;
  while (i < text.length && chars.test(text[i])) i++;
  return i;
}

function quotedString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length) i++;
    value += text[i];
    i++;
  }
  return { value, end: i + 1 };
}
