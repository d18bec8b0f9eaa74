import type { Defect } from './defects.js';

/**
 * Who takes the films and where. Each technologist and room has tendencies, so a history built from
 * phantom films shows the patterns a QA manager looks for.
 */
export interface RosterEntry {
  /** DICOM PN, e.g. "Okafor^Ada". */
  name: string;
  /** Relative share of the department's films. */
  share: number;
  /** Multiplier on the chance of a film being unqualified (1 = department average). */
  errorRate: number;
  /** Multipliers on the weight of particular defects. */
  tendencies: Partial<Record<Defect, number>>;
}

export interface StationEntry extends RosterEntry {
  /** Target exposure index configured on this room's detector. */
  targetExposureIndex: number;
}

export interface Roster {
  technologists: RosterEntry[];
  stations: StationEntry[];
}

export const DEFAULT_ROSTER: Roster = {
  technologists: [
    { name: 'Chen^Wei', share: 1, errorRate: 0.6, tendencies: {} },
    { name: 'Okafor^Ada', share: 1, errorRate: 1.2, tendencies: { 'field-too-small': 5 } },
    { name: 'Silva^Marco', share: 1, errorRate: 1.3, tendencies: { 'field-too-large': 3 } },
    { name: 'Novak^Jana', share: 1, errorRate: 1.2, tendencies: { 'obliquity-shallow': 6 } },
    { name: 'Haddad^Omar', share: 1, errorRate: 1, tendencies: { rotation: 3, tilt: 2 } },
  ],
  stations: [
    { name: 'DR-ROOM-1', share: 2, errorRate: 0.9, tendencies: {}, targetExposureIndex: 300 },
    {
      name: 'DR-ROOM-2',
      share: 1,
      errorRate: 1.1,
      tendencies: { overexposure: 6 },
      targetExposureIndex: 250,
    },
    {
      name: 'DR-ROOM-3',
      share: 1,
      errorRate: 1.1,
      tendencies: { tilt: 3, underexposure: 3 },
      targetExposureIndex: 400,
    },
  ],
};

/** Validates a roster read from a user's JSON file; throws with the offending path. */
export function parseRoster(json: unknown): Roster {
  const fail = (path: string, why: string): never => {
    throw new Error(`invalid roster: ${path} ${why}`);
  };
  if (!json || typeof json !== 'object') fail('(root)', 'must be an object');
  const r = json as Record<string, unknown>;
  const entries = (key: 'technologists' | 'stations') => {
    const list = r[key];
    if (!Array.isArray(list) || list.length === 0) return fail(key, 'must be a non-empty array');
    return list.map((e, i) => {
      const path = `${key}[${i}]`;
      if (!e || typeof e !== 'object') return fail(path, 'must be an object');
      const o = e as Record<string, unknown>;
      if (typeof o.name !== 'string' || !o.name) fail(`${path}.name`, 'must be a non-empty string');
      const num = (k: string, def: number) => {
        const v = o[k] ?? def;
        if (typeof v !== 'number' || !(v >= 0)) fail(`${path}.${k}`, 'must be a non-negative number');
        return v as number;
      };
      return {
        name: o.name as string,
        share: num('share', 1),
        errorRate: num('errorRate', 1),
        tendencies: (o.tendencies ?? {}) as Partial<Record<Defect, number>>,
        targetExposureIndex: num('targetExposureIndex', 300),
      };
    });
  };
  return { technologists: entries('technologists'), stations: entries('stations') };
}
