import { describe, expect, it } from 'vitest';
import { removeRunningLines, runningLineKey, runningLineThreshold } from './running-lines.js';

const page = (n: number, total: number, body: string[]) =>
  [`Contrat n° 2025-117 – Page ${n} / ${total} – Confidentiel`, ...body, `${n}`].join('\n');

describe('removeRunningLines', () => {
  it('removes a header whose page number changes and a bare page number footer', () => {
    const bodies = [
      ['Article 1 – Objet', 'Le contrat a pour objet la maintenance.'],
      ['Le Titulaire notifie tout incident', 'dans un délai de 24 heures.'],
      ['Article 3 – Audit', 'Le Client peut auditer le Titulaire.'],
      ['Article 4 – Pénalités', 'Une pénalité de 500 euros est due.'],
    ];
    const pages = bodies.map((body, i) => page(i + 1, 4, body));
    const { pages: cleaned, removed } = removeRunningLines(pages);
    expect(cleaned[2]).toBe('Article 3 – Audit\nLe Client peut auditer le Titulaire.');
    expect(removed).toEqual(['Contrat n° 2025-117 – Page 1 / 4 – Confidentiel', '1']);
  });

  it('removes "Page 3 sur 11" footers even when the cover page has none', () => {
    const texts = ['Durée : trois ans.', 'Prix : 14 800 euros.', 'Audit annuel.', 'Droit français.'];
    const pages = ['CONTRAT DE MAINTENANCE\nEntre les soussignés', ...texts.map((text, i) => `${text}\nPage ${i + 2} sur 5`)];
    const { pages: cleaned } = removeRunningLines(pages);
    expect(cleaned[0]).toBe(pages[0]);
    expect(cleaned.slice(1)).toEqual(texts);
  });

  it('keeps lines that repeat only on a few pages, and body lines outside the top and bottom zones', () => {
    const body = ['Un', 'Deux', 'Trois', 'Les journaux sont conservés six mois.', 'Quatre', 'Cinq', 'Six'];
    const pages = [body.join('\n'), body.join('\n').replace('Un', 'Autre'), 'Sans rapport\nAucun\nRien'];
    const { pages: cleaned, removed } = removeRunningLines(pages);
    expect(cleaned[0]).toContain('Les journaux sont conservés six mois.');
    expect(removed).not.toContain('Les journaux sont conservés six mois.');
  });

  it('leaves a single page alone', () => {
    expect(removeRunningLines(['Page 1 / 1\nTexte'])).toEqual({ pages: ['Page 1 / 1\nTexte'], removed: [] });
  });

  it('compares lines with figures, case and spacing ignored', () => {
    expect(runningLineKey('Page 3  sur 11')).toBe(runningLineKey('PAGE 10 sur 11'));
    expect(runningLineThreshold(2)).toBe(2);
    expect(runningLineThreshold(11)).toBe(6);
  });
});
