import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Command, Option } from 'commander';
import { assessFile, type Assessment, reviewThumbnail } from '@spineqc/assessment';
import { VIEWS, type View } from '@spineqc/qc-standard';
import { parsePositiveNumber, PartialFailure } from '../errors.js';
import { assessmentRecord, errorRecord } from '../model/assessment-json.js';
import { formatAssessment } from '../model/format-assessment.js';
import { writeMaskFiles } from '../model/mask-files.js';
import { modelOptions, segmenterFor, type ModelFlags } from '../model/segmenter-options.js';

const OVERLAY_MAX_HEIGHT = 1024;

interface CheckFlags extends ModelFlags {
  json?: boolean;
  masks?: string;
  overlay?: string;
  view?: View;
  pixelSpacing?: number;
}

export function checkCommand(): Command {
  const command = new Command('check')
    .description('Judge radiographs (DICOM, PNG or JPEG) against the positioning standard')
    .argument('<files...>', 'image files')
    .option('--json', 'one JSON object per file (JSON Lines)')
    .option('--masks <dir>', 'write <name>.<structure>.png and <name>.levels.png at the input size')
    .option(
      '--overlay <dir>',
      'write <name>.overlay.png: the film with its segmentation, failing structures emphasised',
    )
    .addOption(
      new Option('--view <view>', 'judge as this view (default: DICOM ViewPosition, else the image)').choices(
        VIEWS,
      ),
    )
    .option(
      '--pixel-spacing <mm>',
      'mm per pixel for PNG/JPEG (default: estimated from the vertebral bodies)',
      parsePositiveNumber('--pixel-spacing', 0.01, 5),
    );
  for (const option of modelOptions()) command.addOption(option);
  return command.action(async (files: string[], flags: CheckFlags) => {
    const segmenter = segmenterFor(flags);
    await segmenter.load(); // a missing or damaged model is one clear error, before any file
    for (const out of [flags.masks, flags.overlay]) if (out) await mkdir(out, { recursive: true });
    let failed = 0;
    try {
      for (const file of files) {
        let assessment: Assessment;
        try {
          assessment = await assessFile(await readFile(file), segmenter, {
            view: flags.view,
            pixelSpacingMm: flags.pixelSpacing,
          });
        } catch (error) {
          failed++;
          if (flags.json) process.stdout.write(JSON.stringify(errorRecord(file, error)) + '\n');
          else process.stderr.write(`spineqc: ${file}: ${(error as Error).message}\n`);
          continue;
        }
        if (flags.masks) await writeMasks(flags.masks, file, assessment);
        if (flags.overlay)
          await writeFile(
            join(flags.overlay, `${basename(file, extname(file))}.overlay.png`),
            reviewThumbnail(assessment, OVERLAY_MAX_HEIGHT),
          );
        process.stdout.write(
          flags.json
            ? JSON.stringify(assessmentRecord(file, assessment)) + '\n'
            : formatAssessment(file, assessment),
        );
      }
    } finally {
      await segmenter.close();
    }
    if (failed) throw new PartialFailure(`${failed} of ${files.length} files could not be judged`);
  });
}

async function writeMasks(dir: string, file: string, a: Assessment): Promise<void> {
  if (!a.segmentation) return;
  const name = basename(file, extname(file));
  const set = a.segmentation.masksAt(a.image.width, a.image.height);
  await writeMaskFiles(set, (part) => join(dir, `${name}.${part}.png`));
}
