import { readdir } from 'node:fs/promises';
import { Command } from 'commander';
import { evaluate } from '@spineqc/qc-rules';
import { UsageError } from '../errors.js';
import { loadOracleFilm } from '../eval/load-film.js';
import { confusionByView, criterionAgreement, type JudgedFilm } from '../eval/metrics.js';
import { formatOracleReport } from '../eval/report.js';
import { ProgressBar } from '../progress.js';

export function evalCommand(): Command {
  return new Command('eval')
    .description("Evaluate quality control on a phantom folder (the paper's Table 3)")
    .argument('<dir>', 'folder written by `spineqc phantom`')
    .option('--oracle', 'judge the truth masks instead of the model: tests the rules alone')
    .option('--json', 'print the results as one JSON object')
    .action(async (dir: string, flags: { oracle?: boolean; json?: boolean }) => {
      if (!flags.oracle)
        throw new UsageError(
          'model evaluation needs the segmentation model, which is not part of this build yet; use --oracle to evaluate the rules on the truth masks',
        );
      let ids: string[];
      try {
        ids = (await readdir(dir))
          .filter((f) => f.endsWith('.truth.json'))
          .map((f) => f.slice(0, -'.truth.json'.length))
          .sort();
      } catch (error) {
        throw new UsageError(`cannot read ${dir}: ${(error as Error).message}`);
      }
      if (!ids.length)
        throw new UsageError(`${dir} holds no *.truth.json: make one with \`spineqc phantom --out ${dir}\``);

      const bar = new ProgressBar('eval', ids.length);
      const films: JudgedFilm[] = [];
      const disagreements: string[] = [];
      for (const id of ids) {
        const film = await loadOracleFilm(dir, id);
        const verdict = evaluate({
          view: film.truth.view,
          pixelSpacingMm: film.truth.image.pixelSpacingMm,
          masks: film.masks,
          exposure: film.exposure,
        });
        const judged: JudgedFilm = {
          file: id,
          view: film.truth.view,
          truthQualified: film.truth.qualified,
          predictedQualified: verdict.qualified,
          criteria: film.truth.criteria.map((t) => {
            const c = verdict.criteria.find((v) => v.id === t.id);
            return {
              id: t.id,
              truthValue: t.value ?? null,
              truthPassed: t.passed,
              value: c?.value ?? null,
              passed: c?.passed ?? false,
            };
          }),
        };
        films.push(judged);
        if (judged.truthQualified !== judged.predictedQualified) {
          const differing = judged.criteria
            .filter((c) => (c.passed !== false) !== c.truthPassed)
            .map((c) => `${c.id} truth ${c.truthValue} measured ${c.value}`);
          disagreements.push(
            `${id}: truth ${judged.truthQualified ? 'qualified' : 'unqualified'}; ${differing.join('; ')}`,
          );
        }
        bar.tick(films.length);
      }
      const confusion = confusionByView(films);
      const agreement = criterionAgreement(films);
      if (flags.json)
        process.stdout.write(
          JSON.stringify({ dir, mode: 'oracle', confusion, criteria: agreement, disagreements }) + '\n',
        );
      else process.stdout.write(formatOracleReport(dir, confusion, agreement, disagreements));
    });
}
