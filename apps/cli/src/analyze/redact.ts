/** What replaces a patient's name or ID in paths and messages. */
export const REDACTED = '[redacted]';

const WORD = /[\p{L}\p{N}]+/gu;
/** IDs at least this long are removed wherever they occur; shorter ones only as whole words. */
const MIN_SUBSTRING_ID = 4;

/**
 * Removes the patient names and IDs seen in the audited DICOM files from any text (file paths,
 * error messages): exports are often named after the patient, and the report must not name them.
 * Names are matched word by word, case-insensitively, so "DOE_JOHN_01.dcm" loses both words.
 */
export class IdentityRedactor {
  private readonly words = new Set<string>();
  private readonly ids = new Set<string>();

  learn(patientName: string, patientId: string): void {
    for (const word of patientName.match(WORD) ?? [])
      if (word.length >= 2) this.words.add(word.toLowerCase());
    const id = patientId.trim().toLowerCase();
    if (id.length >= MIN_SUBSTRING_ID) this.ids.add(id);
    else for (const word of id.match(WORD) ?? []) this.words.add(word);
  }

  redact(text: string): string {
    let out = text;
    for (const id of this.ids) out = replaceAllIgnoringCase(out, id, REDACTED);
    return out.replace(WORD, (word) => (this.words.has(word.toLowerCase()) ? REDACTED : word));
  }
}

function replaceAllIgnoringCase(text: string, needle: string, replacement: string): string {
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  return text.replace(pattern, () => replacement);
}
