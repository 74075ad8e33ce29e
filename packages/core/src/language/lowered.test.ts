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

  it('keeps the other flags (global, unicode)', () => {
    const fast = lowered(/p[ée]nalit[ée]s?/giu);
    expect(fast.flags).toBe('gu');
    expect([...'pénalité, penalites'.matchAll(fast)].map((m) => m[0])).toEqual(['pénalité', 'penalites']);
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
