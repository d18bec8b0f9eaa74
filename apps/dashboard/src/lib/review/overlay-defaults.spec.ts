import { STRUCTURES } from '@spineqc/qc-standard';
import { describe, expect, it } from 'vitest';
import { ALL_OVERLAYS, defaultOverlay, NO_OVERLAYS, toggleStructure } from './overlay-defaults';

describe('defaultOverlay', () => {
  it("shows the failed criteria's structures", () => {
    expect(
      defaultOverlay([
        { id: 'vertebrae-in-field', passed: false },
        { id: 'scottie-dog', passed: false },
        { id: 'pelvis-in-field', passed: true },
      ]),
    ).toEqual(['vertebral-body', 'pedicle', 'inferior-articular-process']);
  });

  it('shows nothing for a qualified film, an unjudged criterion, or exposure (judged from the header)', () => {
    expect(defaultOverlay([{ id: 'pelvis-in-field', passed: true }])).toEqual([]);
    expect(defaultOverlay([{ id: 'sacrum-in-field', passed: null }])).toEqual([]);
    expect(defaultOverlay([{ id: 'exposure', passed: false }])).toEqual([]);
  });
});

describe('toggleStructure', () => {
  it('adds and removes without touching the original', () => {
    const on = toggleStructure(NO_OVERLAYS, 'sacrum', true);
    expect([...on.structures]).toEqual(['sacrum']);
    expect(NO_OVERLAYS.structures.size).toBe(0);
    expect(toggleStructure(on, 'sacrum', false).structures.size).toBe(0);
    expect(ALL_OVERLAYS.structures.size).toBe(STRUCTURES.length);
  });
});
