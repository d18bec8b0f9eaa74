// How a criterion's measurement and pass range read on screen: "9 vertebrae", "0.565", "≥ 4 cm²", "0.265–0.365".

/** [min, max]; null is an open end. */
export type CriterionRange = readonly (number | null)[];

export interface MeasuredCriterion {
  value: number | null;
  range: CriterionRange;
  unit: string;
}

export type PassState = 'true' | 'false' | 'unknown';

export function passState(passed: boolean | null): PassState {
  return passed === null ? 'unknown' : passed ? 'true' : 'false';
}

/** Units that read better before the number ("DI −1.5") or not at all (a count is just a number). */
const UNIT_BEFORE = new Set(['DI']);
const UNIT_HIDDEN = new Set(['count', '']);

/** Unicode minus: a hyphen is easy to miss from two metres. */
function signed(text: string): string {
  return text.replace(/^-/, '−');
}

function decimalsOf(n: number): number {
  const text = String(n);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
}

/** As many decimals as the range needs to compare against (at most 3), and enough to show a fraction. */
export function formatValue(value: number, range: CriterionRange = [null, null]): string {
  if (Number.isInteger(value)) return signed(String(value));
  const rangeDecimals = Math.min(3, Math.max(0, ...range.map((b) => (b === null ? 0 : decimalsOf(b)))));
  const own = Math.abs(value) < 1 ? 2 : Math.abs(value) < 1000 ? 1 : 0;
  return signed(value.toFixed(Math.max(rangeDecimals, own)));
}

function withUnit(number: string, unit: string): string {
  if (UNIT_HIDDEN.has(unit)) return number;
  if (UNIT_BEFORE.has(unit)) return `${unit} ${number}`;
  return `${number} ${unit}`;
}

/** "9 vertebrae", "0.52 fraction of body width", "DI −1.5"; "not measured" when the rules had no value. */
export function formatMeasured(criterion: MeasuredCriterion): string {
  if (criterion.value === null) return 'not measured';
  return withUnit(formatValue(criterion.value, criterion.range), criterion.unit);
}

/** "7" (exactly), "≥ 4 cm²", "≤ 5", "0.40–0.60", "DI −3 to 3"; null ends are open. */
export function formatRange(criterion: Pick<MeasuredCriterion, 'range' | 'unit'>): string {
  const [min = null, max = null] = criterion.range;
  const show = (n: number) => signed(String(n));
  if (min !== null && max !== null) {
    if (min === max) return withUnit(show(min), criterion.unit);
    // An en dash between negative numbers reads as a minus: spell the range out instead.
    const between = min < 0 || max < 0 ? `${show(min)} to ${show(max)}` : `${show(min)}–${show(max)}`;
    return withUnit(between, criterion.unit);
  }
  if (min !== null) return withUnit(`≥ ${show(min)}`, criterion.unit);
  if (max !== null) return withUnit(`≤ ${show(max)}`, criterion.unit);
  return 'any';
}

/** Failed criteria first, then those not judged, then the passed ones; the rules' order within each group. */
export function failedFirst<T extends { passed: boolean | null }>(criteria: readonly T[]): T[] {
  const order = (c: T) => (c.passed === false ? 0 : c.passed === null ? 1 : 2);
  return criteria
    .map((criterion, index) => ({ criterion, index }))
    .sort((a, b) => order(a.criterion) - order(b.criterion) || a.index - b.index)
    .map(({ criterion }) => criterion);
}
