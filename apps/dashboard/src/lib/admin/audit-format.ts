// How the audit page writes an event's detail: "role: technologist · station: DR-ROOM-1".

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  return JSON.stringify(value);
}

/** Each key with its value, in the order the API wrote them; empty values are left out. */
export function auditDetailText(detail: Record<string, unknown> | null | undefined): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join(' · ');
}

const EXAM_TARGET = /^exam ([0-9a-f-]{36})$/i;

/** The exam an event was about ("exam <uuid>", as feedback is recorded), so the log can link to its review. */
export function auditTargetExamId(target: string | null): string | null {
  return target ? (EXAM_TARGET.exec(target)?.[1] ?? null) : null;
}
