import { mkdir, readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { DEFAULT_ROSTER, parseRoster, type GenerateOptions } from '@spineqc/phantom';
import { VIEWS, type View } from '@spineqc/qc-standard';
import { parseNonNegativeInt, parsePositiveInt, parsePositiveNumber, UsageError } from '../errors.js';
import { generateFilms } from '../phantom/pool.js';
import { writeFilm, type FilmFormat } from '../phantom/write-film.js';
import { ProgressBar } from '../progress.js';

interface PhantomFlags {
  out: string;
  count: number;
  view: View | 'mixed';
  seed: number;
  defects: 'none' | 'random';
  format: FilmFormat;
  pixelSpacing: number;
  roster?: string;
  jobs: number;
}

export function phantomCommand(): Command {
  return new Command('phantom')
    .description('Generate synthetic lumbar radiographs with exact masks and criterion truth')
    .requiredOption('--out <dir>', 'output folder (created if missing)')
    .option('--count <n>', 'number of films', parsePositiveInt('--count'), 10)
    .addOption(
      new Option('--view <view>', 'view of every film, or mixed (AP, lateral, oblique in turn)')
        .choices([...VIEWS, 'mixed'])
        .default('mixed'),
    )
    .option('--seed <s>', 'random seed: the same seed gives the same films', parseNonNegativeInt('--seed'), 1)
    .addOption(
      new Option(
        '--defects <mode>',
        'none: every film qualified; random: about half with positioning/exposure errors',
      )
        .choices(['none', 'random'])
        .default('random'),
    )
    .addOption(
      new Option('--format <format>', 'image files to write')
        .choices(['dicom', 'png', 'both'])
        .default('both'),
    )
    .option(
      '--pixel-spacing <mm>',
      'detector pixel pitch of the written images',
      parsePositiveNumber('--pixel-spacing', 0.1, 2),
      0.4,
    )
    .option('--roster <file>', 'JSON roster of technologists and rooms with their tendencies')
    .option('--jobs <n>', 'worker threads (default: one per core)', parseNonNegativeInt('--jobs'), 0)
    .addHelpText(
      'after',
      `
Per film: <id>.dcm and/or <id>.png, <id>.truth.json, <id>.<structure>.png for each structure, <id>.levels.png.
Example: spineqc phantom --out films --count 60 --view mixed --seed 7 --defects random --format both`,
    )
    .action(async (flags: PhantomFlags) => {
      const roster = flags.roster ? await loadRoster(flags.roster) : DEFAULT_ROSTER;
      const options: GenerateOptions = {
        view: flags.view,
        defects: flags.defects,
        pixelSpacingMm: flags.pixelSpacing,
        roster,
      };
      await mkdir(flags.out, { recursive: true });
      const bar = new ProgressBar('phantom', flags.count);
      let done = 0;
      let qualified = 0;
      await generateFilms(flags.seed, flags.count, options, flags.jobs, async (film) => {
        await writeFilm(flags.out, film, flags.format);
        qualified += film.truth.qualified ? 1 : 0;
        bar.tick(++done);
      });
      process.stdout.write(
        `${flags.count} films written to ${flags.out} (${qualified} qualified, ${flags.count - qualified} unqualified)\n`,
      );
    });
}

async function loadRoster(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read roster ${file}: ${(error as Error).message}`);
  }
  try {
    return parseRoster(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}
