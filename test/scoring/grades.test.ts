import { describe, expect, it } from 'vitest';
import { relativeGrade, targetGrade } from '../../src/scoring/grades.ts';
import { defaultConfig } from '../../src/config/schema.ts';

const { target, relative } = defaultConfig().scoring.grades;

describe('targetGrade', () => {
  it('bands are closed below: exactly on an edge takes the higher grade', () => {
    const cases: [number, string][] = [
      [110, 'S'], [109.999, 'A'], [100, 'A'], [99.999, 'B'], [90, 'B'], [89.999, 'C'], [75, 'C'], [74.999, 'D'], [0, 'D'], [130, 'S'],
    ];
    for (const [score, grade] of cases) expect(targetGrade(score, target)).toBe(grade);
    expect(targetGrade(null, target)).toBeNull();
    // floating-point noise just under an edge is the edge; a real shortfall of 1e-6 is not
    expect(targetGrade(109.99999999999999, target)).toBe('S');
    expect(targetGrade(109.999999, target)).toBe('A');
  });
});

describe('relativeGrade', () => {
  it('10 people: 1 S, 2 A, 4 B, 2 C, 1 D', () => {
    // share s = (rank − 0.5)/10 = 0.05, 0.15, …, 0.95 against cumulative 0.1, 0.3, 0.7, 0.9
    const grades = Array.from({ length: 10 }, (_, i) => relativeGrade(i + 1, 10, relative));
    expect(grades.join('')).toBe('SAABBBBCCD');
  });
  it('a share exactly on a bound takes the better grade (5 people)', () => {
    // s = 0.1 (= S bound) → S, 0.3 (= S+A) → A, 0.5 → B, 0.7 (= S+A+B) → B, 0.9 (= …+C) → C
    expect([1, 2, 3, 4, 5].map((r) => relativeGrade(r, 5, relative)).join('')).toBe('SABBC');
  });
  it('ties share a rank and so a grade; one person gets B; no rank → null', () => {
    // ranks 1, 1, 3, …: both rank-1 people have s = 0.05 → S
    expect(relativeGrade(1, 10, relative)).toBe('S');
    expect(relativeGrade(1, 1, relative)).toBe('B');
    expect(relativeGrade(null, 10, relative)).toBeNull();
  });
});
