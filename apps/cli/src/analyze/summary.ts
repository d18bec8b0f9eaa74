import { CRITERIA, CRITERION_IDS, VIEWS, type CriterionId, type View } from '@spineqc/qc-standard';
import { failedCriterionIds, isJudged, type AuditEntry, type JudgedEntry } from './entry.js';

export interface OutcomeCounts {
  films: number;
  qualified: number;
  notQualified: number;
  notAssessable: number;
}

export interface CriterionFailures {
  id: CriterionId;
  label: string;
  /** Failed films per view; absent for views the criterion does not apply to. */
  byView: Partial<Record<View, number>>;
  total: number;
}

export interface GroupSummary {
  /** The technologist or room; '' when the files do not say. */
  name: string;
  counts: OutcomeCounts;
  /** The criterion failed most often in this group, if any failed. */
  commonestFailure?: { id: CriterionId; label: string; count: number };
}

export interface AuditSummary {
  /** Candidate image files, judged or not. */
  files: number;
  unreadable: number;
  byView: Record<View, OutcomeCounts>;
  total: OutcomeCounts;
  /** Every criterion failed by at least one assessable film, most frequent first. */
  failures: CriterionFailures[];
  byTechnologist: GroupSummary[];
  byStation: GroupSummary[];
  /** Films whose DICOM ViewPosition (or --view) disagreed with the image. */
  viewContradictions: number;
  modelVersions: string[];
  rulesVersions: string[];
}

export function emptyCounts(): OutcomeCounts {
  return { films: 0, qualified: 0, notQualified: 0, notAssessable: 0 };
}

/**
 * Share of films that would be retaken: not qualified or not assessable, over all judged films
 * (unreadable files are not films). null for no films.
 */
export function rejectRate(counts: OutcomeCounts): number | null {
  return counts.films ? (counts.notQualified + counts.notAssessable) / counts.films : null;
}

function count(counts: OutcomeCounts, entry: JudgedEntry): void {
  counts.films++;
  if (entry.notAssessable) counts.notAssessable++;
  else if (entry.qualified) counts.qualified++;
  else counts.notQualified++;
}

export function summarise(entries: readonly AuditEntry[]): AuditSummary {
  const judged = entries.filter(isJudged);
  const byView = Object.fromEntries(VIEWS.map((v) => [v, emptyCounts()])) as Record<View, OutcomeCounts>;
  const total = emptyCounts();
  for (const entry of judged) {
    count(byView[entry.view], entry);
    count(total, entry);
  }
  return {
    files: entries.length,
    unreadable: entries.length - judged.length,
    byView,
    total,
    failures: failuresByCriterion(judged),
    byTechnologist: groupBy(judged, (e) => e.technologist),
    byStation: groupBy(judged, (e) => e.station),
    viewContradictions: judged.filter((e) => e.viewContradiction).length,
    modelVersions: distinct(judged.map((e) => e.modelVersion)),
    rulesVersions: distinct(judged.map((e) => e.rulesVersion)),
  };
}

/** Over assessable films only: a not-assessable film is counted once, as such, not per criterion. */
function failuresByCriterion(judged: readonly JudgedEntry[]): CriterionFailures[] {
  const assessable = judged.filter((e) => !e.notAssessable);
  const rows = CRITERION_IDS.map((id): CriterionFailures => {
    const views = CRITERIA[id].views as readonly View[];
    const byView: Partial<Record<View, number>> = Object.fromEntries(views.map((v) => [v, 0]));
    let total = 0;
    for (const entry of assessable)
      if (failedCriterionIds(entry).includes(id)) {
        byView[entry.view] = (byView[entry.view] ?? 0) + 1;
        total++;
      }
    return { id, label: CRITERIA[id].label, byView, total };
  });
  // Stable sort keeps the standard's order among equals.
  return rows.filter((r) => r.total > 0).sort((a, b) => b.total - a.total);
}

function groupBy(judged: readonly JudgedEntry[], key: (e: JudgedEntry) => string): GroupSummary[] {
  const groups = new Map<string, JudgedEntry[]>();
  for (const entry of judged) {
    const members = groups.get(key(entry));
    if (members) members.push(entry);
    else groups.set(key(entry), [entry]);
  }
  // Nothing to break down when no file says (PNG/JPEG only).
  if (groups.size === 1 && groups.has('')) return [];
  return [...groups]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([name, members]) => {
      const counts = emptyCounts();
      for (const entry of members) count(counts, entry);
      const commonest = failuresByCriterion(members)[0];
      return {
        name,
        counts,
        ...(commonest && {
          commonestFailure: { id: commonest.id, label: commonest.label, count: commonest.total },
        }),
      };
    });
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}
