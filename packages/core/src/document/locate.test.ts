import { describe, expect, it } from 'vitest';
import { locate } from './locate.js';
import type { PageSpan, Section } from './types.js';

const section = (heading: string, start: number, end: number, level: number, parent: number | null): Section => ({
  number: null,
  heading,
  kind: 'article',
  level,
  start,
  end,
  parent,
});

describe('locate', () => {
  const pages: PageSpan[] = [
    { number: 1, start: 0, end: 100 },
    { number: 2, start: 102, end: 102 }, // an empty page
    { number: 3, start: 102, end: 250 },
  ];
  const sections = [
    section('Article 7 – Sécurité', 10, 200, 1, null),
    section('7.1 Généralités', 20, 60, 2, 0),
    section('7.2 Notification', 60, 200, 2, 0),
    section('7.2.1 Délai', 80, 120, 3, 2),
    section('Article 8 – Audit', 200, 250, 1, null),
  ];

  it('finds the page and the innermost section with its path', () => {
    expect(locate({ pages, sections }, 90)).toEqual({ page: 1, section: sections[3], sectionPath: 'Article 7 – Sécurité > 7.2 Notification > 7.2.1 Délai' });
    expect(locate({ pages, sections }, 130)).toMatchObject({ page: 3, section: sections[2] });
    expect(locate({ pages, sections }, 200)).toMatchObject({ page: 3, section: sections[4], sectionPath: 'Article 8 – Audit' });
  });

  it('climbs to the enclosing section once a child has ended', () => {
    const gapped = [section('Article 7', 0, 100, 1, null), section('7.1', 10, 30, 2, 0)];
    expect(locate({ pages: null, sections: gapped }, 50)).toEqual({ page: null, section: gapped[0], sectionPath: 'Article 7' });
  });

  it('answers null before the first heading and for unpaged documents', () => {
    expect(locate({ pages: null, sections }, 5)).toEqual({ page: null, section: null, sectionPath: '' });
    expect(locate({ pages, sections: [] }, 0)).toEqual({ page: 1, section: null, sectionPath: '' });
  });

  it('puts the first character of a page after an empty page on that page', () => {
    expect(locate({ pages, sections: [] }, 102).page).toBe(3);
  });
});
