import { STRUCTURES } from '@spineqc/qc-standard';

/** README.md of an export folder: what it is for and how to use it. */
export function exportReadme(api: string, exportedAt: Date, exams: number): string {
  return `# SpineQC disputed exams — for relabelling and retraining

Exported ${exportedAt.toISOString()} from ${api} by \`spineqc feedback export\`: the ${exams} exam(s) whose
latest reviewer feedback disagrees with the verdict. Running the export again into this folder rewrites
every exam it exports (including \`masks/\`: save corrections elsewhere first) and this file and
\`disputes.csv\`.

## What is here

- \`disputes.csv\`: one row per exam: when and where it was taken, the verdict, the criteria that failed,
  the criteria the reviewers dispute, their reasons and names.
- \`<examId>/original.dcm\` (or \`.png\` / \`.jpg\`): the image exactly as the DR device or uploader sent it.
- \`<examId>/verdict.json\`: the verdict: view, every criterion with its measurement and pass range, the
  model and rules versions that judged it.
- \`<examId>/feedback.json\`: all feedback on the exam, newest first (who, when, agree or not, reason).
- \`<examId>/masks/<structure>.png\`: the model's segmentation at the original's size, one binary PNG
  (0 / 255) per structure (${STRUCTURES.join(', ')}), and \`levels.png\`, the vertebral level code of each
  pixel. Absent for exams that were never judged.

\`disputes.csv\`, \`verdict.json\` and \`feedback.json\` hold no patient name or ID, but each DICOM original
carries what the device wrote, patient identity included: keep this folder where the originals may be kept.

## What to do with it

1. Read each exam's reasons in \`disputes.csv\` and look at the original with its masks.
2. Relabel: correct the masks where the segmentation is wrong (any image editor that keeps the PNG
   binary and the same size); where the verdict was right after all, note it and leave the masks.
3. Retrain with \`ml/\` (see ml/README.md): add the corrected films to the training data in the layout
   \`spineqc phantom\` writes (\`<id>.png\` 16-bit grey, \`<id>.<structure>.png\`, \`<id>.levels.png\`,
   \`<id>.truth.json\` with the view), train, export the ONNX model to \`models/\`, and check it with
   \`spineqc eval\` before deploying it.
`;
}
