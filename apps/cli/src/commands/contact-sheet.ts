import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { composeContactSheet, encodePngRgb, renderOverlay } from '@spineqc/imaging';
import {
  DEFAULT_ROSTER,
  DEFECTS_BY_VIEW,
  generateCase,
  type Defect,
  type PhantomCase,
} from '@spineqc/phantom';
import { VIEWS } from '@spineqc/qc-standard';
import { parseNonNegativeInt } from '../errors.js';
import { ProgressBar } from '../progress.js';

/**
 * The gallery in docs/: one film per view × defect with its truth masks outlined, so a reader sees
 * what the phantom makes, plus the plain qualified film of each view.
 */
export function contactSheetCommand(): Command {
  return new Command('contact-sheet')
    .description('Draw the phantom gallery: one film per view × defect with mask overlays')
    .requiredOption('--out <dir>', 'folder for contact-sheet.png and gallery/')
    .option('--seed <s>', 'random seed', parseNonNegativeInt('--seed'), 3)
    .action(async (flags: { out: string; seed: number }) => {
      const jobs = VIEWS.flatMap((view) => [
        { view, defects: [] as Defect[] },
        ...DEFECTS_BY_VIEW[view].map((d) => ({ view, defects: [d] })),
      ]);
      await mkdir(join(flags.out, 'gallery'), { recursive: true });
      const bar = new ProgressBar('contact sheet', jobs.length);
      const tiles = [];
      for (const [i, job] of jobs.entries()) {
        const film = generateCase(flags.seed, i * VIEWS.length + VIEWS.indexOf(job.view), {
          view: job.view,
          defects: 'random',
          forcedDefects: job.defects,
          pixelSpacingMm: 0.4,
          roster: DEFAULT_ROSTER,
        });
        const overlay = overlayOf(film, 300);
        tiles.push({
          ...overlay,
          caption: `${job.view.toUpperCase()} ${job.defects[0] ?? 'no defect'} - ${film.truth.qualified ? 'QUALIFIED' : 'UNQUALIFIED'}`,
        });
        if (!job.defects.length) {
          const plain = renderOverlay(film.image, {}, undefined, { scale: 520 / film.image.width });
          await writeFile(
            join(flags.out, 'gallery', `${job.view}.png`),
            encodePngRgb(plain.rgb, plain.width, plain.height),
          );
        }
        bar.tick(i + 1);
      }
      const sheet = composeContactSheet(tiles, 7, {
        tileWidth: 240,
        title: 'SpineQC phantom: view x defect, truth masks outlined',
      });
      await writeFile(
        join(flags.out, 'contact-sheet.png'),
        encodePngRgb(sheet.rgb, sheet.width, sheet.height),
      );
      process.stdout.write(`contact sheet with ${tiles.length} films written to ${flags.out}\n`);
    });
}

function overlayOf(film: PhantomCase, width: number) {
  return renderOverlay(film.image, film.masks.masks, film.masks.levels, {
    outline: true,
    scale: width / film.image.width,
  });
}
