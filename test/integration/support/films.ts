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

/** Phantom DICOM films made by the real CLI (each with its truth: station, operator, UIDs). */
export async function makeFilms(dir: string, count: number, seed: number, view = 'mixed'): Promise<Film[]> {
  const result = await run(process.execPath, [
    CLI,
    'phantom',
    '--out',
    dir,
    '--count',
    String(count),
    '--seed',
    String(seed),
    '--view',
    view,
    '--defects',
    'random',
    '--format',
    'dicom',
    '--pixel-spacing',
    '0.7',
  ]);
  if (result.code !== 0) throw new Error(`phantom failed: ${result.stderr}`);
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
  const result = await run(process.execPath, [
    CLI,
    'phantom',
    '--out',
    dir,
    '--count',
    '1',
    '--seed',
    String(seed),
    '--view',
    view,
    '--format',
    'png',
    '--pixel-spacing',
    '0.7',
  ]);
  if (result.code !== 0) throw new Error(`phantom failed: ${result.stderr}`);
  const name = (await readdir(dir)).find((n) => /^[a-z]+-\d+-\d+\.png$/.test(n));
  if (!name) throw new Error('phantom wrote no PNG');
  return join(dir, name);
}
