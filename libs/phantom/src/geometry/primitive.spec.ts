import { describe, expect, it } from 'vitest';
import { intersect, prepare, primitive } from './primitive.js';
import { normalize } from './vec.js';

const none = { bone: 0, water: 1, metal: 0 };

describe('primitive chords', () => {
  it('a ray through the centre of a sphere has chord 2R', () => {
    const sphere = prepare(primitive('ellipsoid', [5, 5, 5], [20, 0, 0], [0, 20, 0], [0, 0, 20], none));
    const hit = intersect(sphere, [5, 200, 5], [0, -1, 0])!;
    expect(hit.t1 - hit.t0).toBeCloseTo(40, 9);
  });

  it('a chord at distance d from the centre of a sphere is 2·sqrt(R²−d²)', () => {
    const sphere = prepare(primitive('ellipsoid', [0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10], none));
    const hit = intersect(sphere, [6, 100, 0], [0, -1, 0])!;
    expect(hit.t1 - hit.t0).toBeCloseTo(16, 9);
    expect(intersect(sphere, [10.01, 100, 0], [0, -1, 0])).toBeNull();
  });

  it('a capped cylinder has the cap-to-cap chord along its axis and the diameter across it', () => {
    const body = prepare(primitive('cylinder', [0, 0, 0], [21, 0, 0], [0, 16, 0], [0, 0, 13], none));
    const along = intersect(body, [0, 0, 100], [0, 0, -1])!;
    expect(along.t1 - along.t0).toBeCloseTo(26, 9);
    const across = intersect(body, [-100, 0, 5], [1, 0, 0])!;
    expect(across.t1 - across.t0).toBeCloseTo(42, 9);
    expect(intersect(body, [-100, 0, 13.5], [1, 0, 0])).toBeNull();
  });

  it('an oblique ray through a rotated ellipsoid gets the same chord as in its own frame', () => {
    const c = Math.SQRT1_2;
    const rotated = prepare(
      primitive('ellipsoid', [0, 0, 0], [30 * c, 30 * c, 0], [-10 * c, 10 * c, 0], [0, 0, 5], none),
    );
    const hit = intersect(rotated, [-100, -100, 0], normalize([1, 1, 0]))!;
    expect(hit.t1 - hit.t0).toBeCloseTo(60, 9);
  });

  it('a clip keeps only the part of the shape on the inner side of its plane', () => {
    const half = prepare(
      primitive('ellipsoid', [0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10], none, {
        clips: [{ normal: [0, 1, 0], offset: 0 }],
      }),
    );
    const hit = intersect(half, [0, 100, 0], [0, -1, 0])!;
    expect(hit.t1 - hit.t0).toBeCloseTo(10, 9);
    expect(hit.t0).toBeCloseTo(100, 9);
  });

  it('a disc is crossed at a single point and only inside its rim', () => {
    const disc = prepare(primitive('disc', [0, 0, 0], [20, 0, 0], [0, 15, 0], [0, 0, 1], none));
    const hit = intersect(disc, [0, 0, 50], [0, 0, -1])!;
    expect(hit.t0).toBeCloseTo(50, 9);
    expect(hit.t1).toBe(hit.t0);
    expect(intersect(disc, [19, 5, 50], [0, 0, -1])).toBeNull();
    expect(intersect(disc, [0, 50, 0], [0, -1, 0])).toBeNull();
  });
});
