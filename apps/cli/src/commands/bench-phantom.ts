import { Command } from 'commander';
import {
  benchmarkRender,
  buildAnatomy,
  DEFAULT_ROSTER,
  generateCase,
  projectionOf,
  Rng,
  samplePatient,
  type AcquisitionSpec,
} from '@spineqc/phantom';
import { parsePositiveInt } from '../errors.js';

/** Prints phantom generation speed (one thread): render + detector at 512² and full detector size, and whole films. */
export function benchPhantomCommand(): Command {
  return new Command('phantom')
    .description('Measure phantom generation speed on one core (prints figures)')
    .option('--films <n>', 'whole films to time end to end', parsePositiveInt('--films'), 6)
    .action(async (flags: { films: number }) => {
      const anatomy = buildAnatomy(samplePatient(new Rng(11)));
      const spec = (width: number, height: number, fieldMm: [number, number]): AcquisitionSpec => ({
        view: 'ap',
        obliqueSide: null,
        obliquityDeg: 0,
        axialRotationDeg: 0,
        tiltDeg: 0,
        rollDeg: 0,
        sidMm: 1100,
        oddMm: 130,
        detector: '35x43',
        fieldWidthMm: fieldMm[0],
        fieldHeightMm: fieldMm[1],
        centringCranialMm: -20,
        centringLateralMm: 0,
        pixelSpacingMm: fieldMm[0] / width,
      });
      const projectionFor = (width: number, height: number) =>
        projectionOf(
          width === height
            ? spec(width, height, [300, 300])
            : spec(width, height, [350, (350 * height) / width]),
        );
      const rows = benchmarkRender(anatomy.primitives, projectionFor, {
        kvp: 80,
        mAs: 30,
        sidMm: 1100,
        pixelSpacingMm: 0.148,
        gridRatio: 10,
        targetExposureIndex: 300,
        textureScale: 0.8,
      });
      const out = process.stdout;
      out.write(`phantom: ${anatomy.primitives.length} primitives, one thread (${process.version})\n`);
      for (const r of rows)
        out.write(
          `  ${r.size.padEnd(12)} render ${r.renderMs.toFixed(0).padStart(6)} ms   detector ${r.exposeMs.toFixed(0).padStart(6)} ms   ${r.imagesPerSecond.toFixed(2)} images/s\n`,
        );
      const started = performance.now();
      let pixels = 0;
      for (let i = 0; i < flags.films; i++) {
        const film = generateCase(2024, i, {
          view: 'mixed',
          defects: 'random',
          pixelSpacingMm: 0.4,
          roster: DEFAULT_ROSTER,
        });
        pixels += film.image.width * film.image.height;
      }
      const seconds = (performance.now() - started) / 1000;
      out.write(
        `  whole films (0.4 mm, ~${Math.round(Math.sqrt(pixels / flags.films))}² px avg incl. anatomy, truth, retries): ${(flags.films / seconds).toFixed(2)} films/s\n`,
      );
    });
}
