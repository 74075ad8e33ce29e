import { describe, expect, it } from 'vitest';
import { lowered } from './lowered.js';

describe('lowered', () => {
  it('matches lower-cased text exactly as the case-insensitive pattern matches the original', () => {
    const insensitive = /\bjournaux d'acc[èe]s\b|security logs?|\bretain\p{L}*/iu;
    const fast = lowered(insensitive);
    expect(fast.flags).not.toContain('i');
    for (const text of ['Les Journaux d’accès', "Les JOURNAUX D'ACCÈS sont conservés", 'Security Logs are RETAINED', 'no logs here']) {
      expect(fast.exec(text.toLowerCase())?.[0]).toBe(insensitive.exec(text)?.[0]?.toLowerCase());
    }
  });

  it('keeps the global flag, and drops unicode mode when nothing needs it', () => {
    const fast = lowered(/p[ée]nalit[ée]s?/giu);
    expect(fast.flags).toBe('g');
    expect(lowered(/\p{Ll}+/iu).flags).toBe('u');
    expect([...'pénalité, penalites'.matchAll(fast)].map((m) => m[0])).toEqual(['pénalité', 'penalites']);
  });

  it('spells \\p{L} out: accented letters, œ, Greek and Cyrillic are letters, digits and punctuation are not', () => {
    const word = lowered(/(?<![\p{L}])[\p{L}'-]+(?![\p{L}])/giu);
    expect(word.source).not.toContain('\\p{L}');
    expect('l’œuvre déléguée, nº 3 — μ-θ'.toLowerCase().match(word)).toEqual(['l', 'œuvre', 'déléguée', 'nº', 'μ-θ']);
    expect(lowered(/retain\p{L}*/iu).exec('retained 12 months')?.[0]).toBe('retained');
  });

  it('leaves other Unicode escapes in Unicode mode', () => {
    expect(lowered(/\P{L}+/u).flags).toBe('u');
    expect(lowered(/\u{1f600}/u).flags).toBe('u');
  });

  it('refuses a pattern with an upper-case letter, which could never match lower-cased text', () => {
    expect(() => lowered(/annexe [A-Z]/iu)).toThrow(/upper-case/);
    expect(() => lowered(/\bPAS\b/u)).toThrow(/upper-case/);
  });

  it('accepts escapes that contain capitals (\\p{Lu}, \\S, \\W, \\D, \\B)', () => {
    expect(() => lowered(/\S+\W\D\B\p{L}/u)).not.toThrow();
  });

  it('under the test runner, refuses text that was not lower-cased (a caller bug)', () => {
    const fast = lowered(/audit/iu);
    expect(() => fast.test('Audit')).toThrow(/upper case/);
    expect(() => [...'Audit'.matchAll(lowered(/audit/giu))]).toThrow(/upper case/);
    expect(fast.test('audit')).toBe(true);
  });
});
