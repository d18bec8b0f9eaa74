import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { VIEWS, type View } from '@spineqc/qc-standard';
import { auditFiles } from '../analyze/audit.js';
import { auditCsv } from '../analyze/csv.js';
import { isUnreadable } from '../analyze/entry.js';
import { auditHtml } from '../analyze/html.js';
import { summarise } from '../analyze/summary.js';
import { formatSummaryText } from '../analyze/summary-text.js';
import { findImages } from '../analyze/walk.js';
import { modelOptions, segmenterFor, type ModelFlags } from '../model/segmenter-options.js';

interface AnalyzeFlags extends ModelFlags {
  report?: string;
  csv?: string;
  view?: View;
}

export function analyzeCommand(): Command {
  const command = new Command('analyze')
    .description('Retrospective audit of a folder of radiographs: summary, HTML report and CSV')
    .argument('<dir>', 'folder to audit (searched recursively)')
    .option('--report <file.html>', 'write a self-contained HTML report with the films to review')
    .option('--csv <file.csv>', 'write one row per file')
    .addOption(
      new Option(
        '--view <view>',
        'judge every film as this view (default: DICOM ViewPosition, else the image)',
      ).choices(VIEWS),
    );
  for (const option of modelOptions()) command.addOption(option);
  return command.action(async (dir: string, flags: AnalyzeFlags) => {
    const { images, skipped } = await findImages(dir);
    const outputs = [flags.report, flags.csv].filter((p): p is string => Boolean(p));
    // Fail on an unwritable destination now rather than after an hour of judging.
    for (const path of outputs) await mkdir(dirname(path), { recursive: true });
    const segmenter = segmenterFor(flags);
    await segmenter.load();
    let audit;
    try {
      audit = await auditFiles(dir, images, segmenter, {
        view: flags.view,
        thumbnails: Boolean(flags.report),
      });
    } finally {
      await segmenter.close();
    }
    const { entries, redactor } = audit;
    const shownDir = redactor.redact(dir);
    const summary = summarise(entries);
    const written: { label: string; path: string }[] = [];
    if (flags.csv) {
      await writeFile(flags.csv, auditCsv(entries));
      written.push({ label: 'CSV', path: flags.csv });
    }
    if (flags.report) {
      await writeFile(
        flags.report,
        auditHtml({ dir: shownDir, generatedAt: new Date(), summary, entries, skipped }),
      );
      written.push({ label: 'Report', path: flags.report });
    }
    const unreadable = entries.filter(isUnreadable);
    process.stdout.write(
      formatSummaryText({ dir: shownDir, summary, unreadable, skipped, outputs: written }),
    );
  });
}
