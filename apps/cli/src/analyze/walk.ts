import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { STRUCTURES } from '@spineqc/qc-standard';
import { UsageError } from '../errors.js';

const IMAGE_EXTENSIONS = new Set(['.dcm', '.dicom', '.png', '.jpg', '.jpeg']);

/** Files `spineqc phantom` and `check --masks` write beside a film: truth and masks, not radiographs. */
const SIDE_FILE_SUFFIXES = ['.truth.json', '.levels.png', ...STRUCTURES.map((s) => `.${s}.png`)];

/**
 * Whether a file name may hold a radiograph: an image extension, or none (PACS exports often
 * have none). Phantom side files, hidden files (.DS_Store …) and the DICOMDIR index are not.
 */
export function isCandidateImage(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || lower === 'dicomdir') return false;
  if (SIDE_FILE_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return false;
  const dot = lower.lastIndexOf('.');
  return dot === -1 || IMAGE_EXTENSIONS.has(lower.slice(dot));
}

export interface FolderContents {
  /** Candidate image files, relative to the folder with '/' separators, sorted. */
  images: string[];
  /** How many other entries (non-image files, hidden folders) were passed over. */
  skipped: number;
}

/** Every candidate image under `root`, recursively; symbolic links to folders are not followed (no loops). */
export async function findImages(root: string): Promise<FolderContents> {
  try {
    if (!(await stat(root)).isDirectory()) throw new UsageError(`${root} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${root}: ${(error as Error).message}`);
  }
  const images: string[] = [];
  let skipped = 0;
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) await visit(path);
        else skipped++;
      } else if (
        (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path)))) &&
        isCandidateImage(entry.name)
      )
        images.push(relative(root, path).split(sep).join('/'));
      else skipped++;
    }
  };
  await visit(root);
  images.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!images.length)
    throw new UsageError(`${root} holds no image files (.dcm, .dicom, .png, .jpg, .jpeg or none)`);
  return { images, skipped };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false; // a dangling link
  }
}
