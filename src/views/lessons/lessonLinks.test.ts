import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons/catalog';
import { lessonSpeed } from './lessonLinks';

describe('a lesson opens at a speed a class can follow', () => {
  it('plays every lesson of the catalogue in 12 s or more, at no more than 30 steps/s', () => {
    for (const lesson of LESSONS) {
      const speed = lessonSpeed(lesson.scene.steps);
      expect(speed, lesson.id).toBeLessThanOrEqual(30);
      expect(lesson.scene.steps / speed, lesson.id).toBeGreaterThanOrEqual(12);
    }
  });

  it('does not crawl: a run takes under a minute unless 2 steps/s is already the slowest', () => {
    for (const steps of [30, 60, 100, 150, 200, 300, 500]) {
      const speed = lessonSpeed(steps);
      if (speed > 2) expect(steps / speed, String(steps)).toBeLessThan(60);
    }
    expect([60, 200, 300, 500].map(lessonSpeed)).toEqual([5, 10, 10, 30]);
  });
});
