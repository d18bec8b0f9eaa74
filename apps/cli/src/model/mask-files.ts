import { writeFile } from 'node:fs/promises';
import { encodePng8 } from '@spineqc/imaging';
import { STRUCTURES, type MaskSet, type Structure } from '@spineqc/qc-standard';

/**
 * Writes a segmentation as files: one binary PNG (0 / 255) per structure and the 8-bit vertebral level map, at the
 * set's size. `pathOf` names each file, from a structure's kebab-case name or 'levels'.
 */
export async function writeMaskFiles(
  set: MaskSet,
  pathOf: (name: Structure | 'levels') => string,
): Promise<void> {
  const writes = STRUCTURES.map((structure) => {
    const m = set.masks[structure];
    const bytes = new Uint8Array(m.length);
    for (let i = 0; i < m.length; i++) bytes[i] = m[i] ? 255 : 0;
    return writeFile(pathOf(structure), encodePng8(bytes, set.width, set.height));
  });
  writes.push(writeFile(pathOf('levels'), encodePng8(set.levels, set.width, set.height)));
  await Promise.all(writes);
}
