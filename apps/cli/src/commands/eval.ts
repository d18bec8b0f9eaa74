import { readdir } from 'node:fs/promises';
import { Command } from 'commander';
import { evaluate } from '@spineqc/qc-rules';
import type { CaseTruth, MaskSet, Verdict, View } from '@spineqc/qc-standard';
import { UsageError } from '../errors.js';
import { judgeWithModel } from '../eval/judge-model.js';
import { loadOracleFilm } from '../eval/load-film.js';
import { scoreSegmentation, summariseDice, type SegmentationScores } from '../eval/dice.js';
import { confusionByView, criterionAgreement, type JudgedFilm } from '../eval/metrics.js';
import { formatModelReport, formatOracleReport } from '../eval/report.js';
import { modelOptions, segmenterFor, type ModelFlags } from '../model/segmenter-options.js';
import { ProgressBar } from '../progress.js';

interface EvalFlags extends ModelFlags {
  oracle?: boolean;
  json?: boolean;
}

export function evalCommand(): Command {
  const command = new Command('eval')
    .description("The paper's Tables 2 (Dice) and 3 (QC accuracy) on a phantom folder")
    .argument('<dir>', 'folder written by `spineqc phantom`')
    .option('--oracle', 'judge the truth masks instead of the model: tests the rules alone')
    .option('--json', 'print the results as one JSON object');
  for (const option of modelOptions()) command.addOption(option);
  return command.action(async (dir: string, flags: EvalFlags) => {
    const ids = await filmIds(dir);
    const segmenter = flags.oracle ? undefined : segmenterFor(flags);
    if (segmenter) await segmenter.load();
    const bar = new ProgressBar('eval', ids.length);
    const films: JudgedFilm[] = [];
    const segmentation: SegmentationScores[] = [];
    const disagreements: string[] = [];
    let viewHits = 0;
    let modelVersion: string | undefined;
    try {
      for (const id of ids) {
        const film = await loadOracleFilm(dir, id);
        let verdict: Verdict;
        if (segmenter) {
          const a = await judgeWithModel(dir, id, film, segmenter);
          verdict = a.verdict;
          modelVersion = a.modelVersion;
          viewHits += a.view.predicted === film.truth.view ? 1 : 0;
          const predicted = a.segmentation!.masksAt(film.masks.width, film.masks.height);
          segmentation.push(scoreSegmentation(film.truth.view, predicted, film.masks));
        } else verdict = judgeTruthMasks(film.truth, film.masks, film.exposure);
        const judged = judge(id, film.truth, verdict);
        films.push(judged);
        if (judged.truthQualified !== judged.predictedQualified)
          disagreements.push(describe(judged, verdict));
        bar.tick(films.length);
      }
    } finally {
      await segmenter?.close();
    }
    const confusion = confusionByView(films);
    const agreement = criterionAgreement(films);
    if (flags.oracle) {
      if (flags.json)
        process.stdout.write(
          JSON.stringify({ dir, mode: 'oracle', confusion, criteria: agreement, disagreements }) + '\n',
        );
      else process.stdout.write(formatOracleReport(dir, confusion, agreement, disagreements));
      return;
    }
    const dice = summariseDice(segmentation);
    const levelScores = segmentation.map((s) => s.levelAccuracy).filter((v): v is number => v !== null);
    const extra = {
      modelVersion: modelVersion ?? '',
      viewAccuracy: viewHits / films.length,
      levelAccuracy: levelScores.reduce((a, b) => a + b, 0) / Math.max(1, levelScores.length),
    };
    if (flags.json)
      process.stdout.write(
        JSON.stringify({
          dir,
          mode: 'model',
          ...extra,
          dice,
          confusion,
          criteria: agreement,
          disagreements,
        }) + '\n',
      );
    else process.stdout.write(formatModelReport(dir, extra, dice, confusion, agreement, disagreements));
  });
}

async function filmIds(dir: string): Promise<string[]> {
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
  return ids;
}

function judgeTruthMasks(
  truth: CaseTruth,
  masks: MaskSet,
  exposure: Parameters<typeof evaluate>[0]['exposure'],
) {
  return evaluate({ view: truth.view, pixelSpacingMm: truth.image.pixelSpacingMm, masks, exposure });
}

function judge(id: string, truth: CaseTruth, verdict: Verdict): JudgedFilm {
  return {
    file: id,
    view: truth.view as View,
    truthQualified: truth.qualified,
    predictedQualified: verdict.qualified,
    criteria: truth.criteria.map((t) => {
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
}

function describe(judged: JudgedFilm, verdict: Verdict): string {
  if (verdict.notAssessable)
    return `${judged.file}: truth ${judged.truthQualified ? 'qualified' : 'unqualified'}; not assessable: ${verdict.reason}`;
  const differing = judged.criteria
    .filter((c) => (c.passed !== false) !== c.truthPassed)
    .map((c) => `${c.id} truth ${c.truthValue} measured ${c.value}`);
  return `${judged.file}: truth ${judged.truthQualified ? 'qualified' : 'unqualified'}; ${differing.join('; ')}`;
}
