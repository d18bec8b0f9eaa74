export { VerdictBadge } from './verdict-badge';
export { CriterionRow, type CriterionRowProps } from './criterion-row';
export { PassMark } from './pass-mark';
export { VERDICT_META, type VerdictMeta } from './verdict-meta';
