import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { findImages, isCandidateImage } from './walk.js';

describe('isCandidateImage', () => {
  it('takes image extensions in any case and extension-less files', () => {
    for (const name of ['a.dcm', 'b.DICOM', 'c.png', 'd.JPG', 'e.jpeg', 'IM000123', 'ap-1-0001.dcm'])
      expect(isCandidateImage(name), name).toBe(true);
  });

  it('skips phantom side files, other extensions, hidden files and DICOMDIR', () => {
    for (const name of [
      'ap-1.truth.json',
      'ap-1.levels.png',
      'ap-1.vertebral-body.png',
      'ap-1.l3-double-contour.png',
      'ap-1.PELVIS.png',
      'notes.txt',
      'report.html',
      '.DS_Store',
      'DICOMDIR',
    ])
      expect(isCandidateImage(name), name).toBe(false);
  });
});

describe('findImages', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-walk-'));
    await mkdir(join(dir, 'month', 'day 2'), { recursive: true });
    await mkdir(join(dir, '.cache'));
    for (const f of [
      'z.dcm',
      'a.png',
      'a.truth.json',
      'a.pelvis.png',
      'month/IM1',
      'month/day 2/b.jpg',
      'x.txt',
    ])
      await writeFile(join(dir, f), '');
    await writeFile(join(dir, '.cache', 'c.dcm'), '');
    await symlink(dir, join(dir, 'month', 'loop')); // must not be followed
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists candidate images recursively, sorted, relative with / separators', async () => {
    const found = await findImages(dir);
    expect(found.images).toEqual(['a.png', 'month/IM1', 'month/day 2/b.jpg', 'z.dcm']);
    expect(found.skipped).toBe(5); // truth, mask, txt, the hidden folder, the link to a folder
  });

  it('is a usage error for a missing folder, a file, or a folder without images', async () => {
    await expect(findImages(join(dir, 'nowhere'))).rejects.toThrow(UsageError);
    await expect(findImages(join(dir, 'z.dcm'))).rejects.toThrow(/not a folder/);
    await mkdir(join(dir, 'empty'));
    await expect(findImages(join(dir, 'empty'))).rejects.toThrow(/holds no image files/);
  });
});
