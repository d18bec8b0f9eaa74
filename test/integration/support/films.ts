import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readDicom } from '@spineqc/imaging';
import { CLI, run } from './processes.js';

export interface Film {
  path: string;
  sopInstanceUid: string;
  station: string;
  operator: string;
  view: string;
  patientName: string;
  patientId: string;
}

/** Runs the real CLI's phantom generator. */
async function phantom(dir: string, count: number, seed: number, view: string, format: 'dicom' | 'png') {
  const args = ['phantom', '--out', dir, '--count', String(count), '--seed', String(seed), '--view', view];
  const options = ['--defects', 'random', '--format', format, '--pixel-spacing', '0.7'];
  const result = await run(process.execPath, [CLI, ...args, ...options]);
  if (result.code !== 0) throw new Error(`phantom failed: ${result.stderr}`);
}

/** Phantom DICOM films, each with what the tests check against (station, operator, UIDs, patient). */
export async function makeFilms(dir: string, count: number, seed: number, view = 'mixed'): Promise<Film[]> {
  await phantom(dir, count, seed, view, 'dicom');
  const films: Film[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.truth.json')).sort()) {
    const truth = JSON.parse(await readFile(join(dir, name), 'utf8'));
    const path = join(dir, name.replace('.truth.json', '.dcm'));
    const dicom = readDicom(await readFile(path));
    films.push({
      path,
      sopInstanceUid: dicom.sopInstanceUid,
      station: dicom.stationName,
      operator: dicom.operatorsName,
      view: truth.view,
      patientName: dicom.patientName,
      patientId: dicom.patientId,
    });
  }
  return films;
}

/** One 16-bit phantom PNG (no DICOM header: station, operator and view come from the upload form). */
export async function makePng(dir: string, seed: number, view: string): Promise<string> {
  await phantom(dir, 1, seed, view, 'png');
  const name = (await readdir(dir)).find((n) => /^[a-z]+-\d+-\d+\.png$/.test(n));
  if (!name) throw new Error('phantom wrote no PNG');
  return join(dir, name);
}
