import { LEVELS, type Level } from '@spineqc/qc-standard';
import type { Rng } from '../random.js';
import type { PatientParams } from './types.js';

const LUMBAR: readonly Level[] = LEVELS.slice(LEVELS.indexOf('L1'));

/**
 * One patient drawn from a deliberately wide population: both sexes, thin to obese, young to old
 * (older patients have thinner discs), 10 % osteoporotic, 30 % with a noticeable scoliosis, 8 %
 * with metal, bowel gas from none to a lot.
 */
export function samplePatient(rng: Rng): PatientParams {
  const sex = rng.bool(0.5) ? 'F' : 'M';
  const osteoporotic = rng.bool(0.1);
  const ageYears = osteoporotic ? rng.uniform(55, 90) : rng.uniform(20, 85);
  const sizeScale = rng.truncatedNormal(sex === 'M' ? 1.03 : 0.95, 0.05, 0.85, 1.15);

  const discMean = 1.05 - 0.011 * Math.max(0, ageYears - 35);
  const discHeightScale = rng.truncatedNormal(discMean, 0.09, 0.5, 1.2);
  const boneDensity = osteoporotic
    ? rng.uniform(0.55, 0.75)
    : rng.truncatedNormal(1.02 - 0.003 * Math.max(0, ageYears - 40), 0.08, 0.78, 1.2);

  const scoliotic = rng.bool(0.3);
  const scoliosisDeg = scoliotic
    ? (rng.bool(0.5) ? 1 : -1) * rng.uniform(5, 25)
    : rng.truncatedNormal(0, 1.2, -3, 3);

  // Habitus from thin (0) to obese (1); fat and girth follow it, women carry a little more fat.
  const habitus = rng.next() ** 1.2;
  const fatThicknessMm = Math.min(
    70,
    Math.max(4, (6 + 52 * habitus ** 1.3) * (sex === 'F' ? 1.15 : 1) + rng.normal(0, 3)),
  );
  const bodyWidthMm = (sex === 'M' ? 295 : 280) * sizeScale + 150 * habitus + rng.normal(0, 10);
  const bodyDepthMm = (sex === 'M' ? 195 : 185) * sizeScale + 150 * habitus + rng.normal(0, 10);

  const implants: PatientParams['implants'] = [];
  let instrumentedLevels: Level[] = [];
  if (rng.bool(0.08)) {
    const kind = rng.next();
    if (kind < 0.5) {
      implants.push('pedicle-screws');
      if (rng.bool(0.85)) implants.push('rods');
      const count = rng.int(2, 3);
      const first = rng.int(LUMBAR.length - count - 1, LUMBAR.length - count);
      instrumentedLevels = LUMBAR.slice(first, first + count);
    } else if (kind < 0.85) {
      implants.push('surgical-clips');
    } else {
      implants.push('umbilical-piercing');
    }
    if (rng.bool(0.15))
      implants.push(implants.includes('surgical-clips') ? 'umbilical-piercing' : 'surgical-clips');
  }

  return {
    sex,
    sizeScale,
    lordosisDeg: rng.truncatedNormal(48, 11, 20, 70),
    thoracicKyphosisDeg: rng.truncatedNormal(12, 7, 0, 30),
    scoliosisDeg,
    discHeightScale,
    boneDensity,
    bodyWidthMm,
    bodyDepthMm,
    fatThicknessMm,
    bowelGas: rng.bool(0.15) ? 0 : rng.uniform(0.05, 1),
    implants,
    instrumentedLevels,
    detailSeed: Math.floor(rng.next() * 4294967296) >>> 0,
    ageYears,
  };
}
