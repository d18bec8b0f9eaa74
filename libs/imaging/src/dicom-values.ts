// Readers for dcmjs "naturalized" values: arrays for multi-valued elements, PN as objects, DS/IS as
// numbers or strings depending on the file; empty elements become '' or undefined.

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

export function str(value: unknown): string {
  const item = first(value);
  if (item === undefined || item === null) return '';
  // Person names arrive as { Alphabetic, Ideographic?, Phonetic? }.
  if (typeof item === 'object' && 'Alphabetic' in item)
    return String((item as { Alphabetic: unknown }).Alphabetic ?? '');
  return String(item).trim();
}

export function strings(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map((item) => String(item).trim());
}

export function num(value: unknown): number | undefined {
  const item = first(value);
  const parsed =
    typeof item === 'number' ? item : typeof item === 'string' && item.trim() ? Number(item) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function numbers(value: unknown): number[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => num(item) ?? NaN);
}
