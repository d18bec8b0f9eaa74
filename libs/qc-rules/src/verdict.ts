import {
  criteriaForView,
  DEFAULT_THRESHOLDS,
  type QcThresholds,
  type RulesInput,
  type Verdict,
} from '@spineqc/qc-standard';
import { makeFilm, type Film } from './film.js';
import { levelList } from './messages.js';
import { RULES } from './rules.js';
import { validateInput } from './validate-input.js';
import { toFinding } from './vertebrae.js';
import { RULES_VERSION } from './version.js';

/** Judges one image against the positioning standard: masks and metadata in, measurements and verdict out. */
export function evaluate(input: RulesInput, thresholds: QcThresholds = DEFAULT_THRESHOLDS): Verdict {
  const scale = validateInput(input);
  const film = makeFilm(input.view, input.masks, scale, input.exposure, thresholds);
  const criteria = criteriaForView(input.view).map((id) => RULES[id](film));
  const reason = notAssessableReason(film);
  const verdict: Verdict = {
    view: input.view,
    qualified: !reason && criteria.every((c) => c.passed !== false),
    notAssessable: Boolean(reason),
    criteria,
    vertebrae: film.bodies.map(toFinding),
    rulesVersion: `${RULES_VERSION}+${thresholds.version}`,
  };
  if (reason) verdict.reason = reason;
  return verdict;
}

/** Below two vertebral bodies there is no spine to position, so the criteria mean nothing. */
function notAssessableReason(film: Film): string | undefined {
  if (!film.bodies.length)
    return 'no lumbar vertebrae found — not a lumbar spine radiograph, or the spine is outside the field';
  if (film.bodies.length < 2)
    return `only one vertebral body (${levelList(film.bodies.map((b) => b.level))}) found — the spine is mostly outside the field`;
  return undefined;
}

/** The verdict for an image the pipeline refused to judge (not a lumbar film, blank frame, …). */
export function notAssessableVerdict(
  view: RulesInput['view'],
  reason: string,
  thresholds: QcThresholds = DEFAULT_THRESHOLDS,
): Verdict {
  return {
    view,
    qualified: false,
    notAssessable: true,
    reason,
    criteria: [],
    vertebrae: [],
    rulesVersion: `${RULES_VERSION}+${thresholds.version}`,
  };
}
