// Unit tests of the evaluation harness (scripts/eval/): scoring, thresholds,
// expected-file parsing and the keyword baseline, on small fake results.
import { describe, expect, it } from 'vitest';
import { keywordBaseline, splitSentences } from '../../scripts/eval/baseline.js';
import { parseExpected } from '../../scripts/eval/corpus.js';
import { renderSet } from '../../scripts/eval/render.js';
import { normaliseQuote, quoteFound, sameValue, scoreSet } from '../../scripts/eval/score.js';
import { checkThresholds } from '../../scripts/eval/thresholds.js';
import type { AuditedContract, ContractOutcome, ExpectedRule, LabelledContract, RuleOutcome, Verdict } from '../../scripts/eval/types.js';

const RULES = ['incident-notification', 'log-retention'];

function contract(name: string, language: 'fr' | 'en', format: string, rules: Record<string, ExpectedRule>): LabelledContract {
  return { set: 'dev', name, file: `/x/${name}.${format}`, displayPath: `fixtures/eval/dev/${name}.${format}`, format, language, rules };
}
function got(status: RuleOutcome['status'], extra: Partial<RuleOutcome> = {}): RuleOutcome {
  return { status, value: null, reasons: [], basisQuotes: [], ...extra };
}
const expect_ = (status: Verdict, extra: Partial<ExpectedRule> = {}): ExpectedRule => ({ status, ...extra });

/** Three contracts, ten verdicts of which seven agree; two false-ok; one unreadable file. */
function fakeRun(): AuditedContract[] {
  const a = contract('a-fr', 'fr', 'pdf', {
    'incident-notification': expect_('ok', { value: { hours: 24 }, quote: "dans un délai de vingt-quatre heures à compter de l'alerte" }),
    'log-retention': expect_('weak', { value: { months: 3 } }),
  });
  const b = contract('b-en', 'en', 'docx', {
    'incident-notification': expect_('missing'),
    'log-retention': expect_('ok', { value: { months: 12 }, reasons: ['meets-threshold'] }),
  });
  const c = contract('c-en', 'en', 'pdf', {
    'incident-notification': expect_('weak'),
    'log-retention': expect_('missing'),
  });
  const outcomeA: ContractOutcome = {
    rules: {
      'incident-notification': got('ok', {
        value: { hours: 24 },
        basisQuotes: ['Le Titulaire notifie DANS UN DÉLAI DE  vingt-quatre heures à compter de l’alerte.'],
      }),
      'log-retention': got('ok', { value: { months: 3 } }), // false-ok: 3 months is weak
    },
  };
  const outcomeB: ContractOutcome = {
    rules: {
      'incident-notification': got('ok'), // false-ok: nothing to notify in the contract
      'log-retention': got('ok', { value: { days: 365 }, reasons: ['meets-threshold', 'access-logs'] }),
    },
  };
  const outcomeC: ContractOutcome = { rules: {}, error: { code: 'corrupt', message: 'The PDF is damaged.' } };
  return [
    { contract: a, outcome: outcomeA },
    { contract: b, outcome: outcomeB },
    { contract: c, outcome: outcomeC },
  ];
}

describe('scoreSet', () => {
  const score = scoreSet(fakeRun(), RULES);

  it('fills the confusion matrix expected × got, with unreadable files as error', () => {
    expect(score.byRule['incident-notification']!.matrix).toEqual({
      ok: { ok: 1, weak: 0, missing: 0, error: 0 },
      weak: { ok: 0, weak: 0, missing: 0, error: 1 },
      missing: { ok: 1, weak: 0, missing: 0, error: 0 },
    });
    expect(score.byRule['log-retention']!.matrix).toEqual({
      ok: { ok: 1, weak: 0, missing: 0, error: 0 },
      weak: { ok: 1, weak: 0, missing: 0, error: 0 },
      missing: { ok: 0, weak: 0, missing: 0, error: 1 },
    });
  });

  it('computes overall, per-rule, per-language and per-format accuracy', () => {
    expect(score.verdicts).toBe(6);
    expect(score.accuracy).toEqual({ hits: 2, total: 6, rate: 2 / 6 });
    expect(score.byRule['incident-notification']!.accuracy).toMatchObject({ hits: 1, total: 3 });
    expect(score.byLanguage).toEqual({ en: { hits: 1, total: 4, rate: 0.25 }, fr: { hits: 1, total: 2, rate: 0.5 } });
    expect(score.byFormat.pdf).toMatchObject({ hits: 1, total: 4 });
    expect(score.byFormat.docx).toMatchObject({ hits: 1, total: 2 });
  });

  it('lists every false-ok (expected weak or missing, got ok) and nothing else as false-ok', () => {
    expect(score.falseOk.map((d) => `${d.file} ${d.rule} ${d.expected.status}`)).toEqual([
      'fixtures/eval/dev/a-fr.pdf log-retention weak',
      'fixtures/eval/dev/b-en.docx incident-notification missing',
    ]);
    // An error is a disagreement but never a false-ok.
    expect(score.disagreements).toHaveLength(4);
    expect(score.errors).toEqual([{ file: 'fixtures/eval/dev/c-en.pdf', code: 'corrupt', message: 'The PDF is damaged.' }]);
  });

  it('checks extracted values, converting days, and evidence quotes', () => {
    expect(score.values).toMatchObject({ hits: 3, total: 3 });
    expect(score.evidence).toMatchObject({ hits: 1, total: 1 });
    expect(score.reasons).toMatchObject({ hits: 1, total: 1 });
  });
});

describe('value and quote matching', () => {
  it('matches figures within rounding and across units', () => {
    expect(sameValue({ hours: 48 }, { hours: 48 })).toBe(true);
    expect(sameValue({ hours: 48 }, { days: 2 })).toBe(true);
    expect(sameValue({ months: 12 }, { days: 365 })).toBe(true);
    expect(sameValue({ months: 6 }, { months: 5.9 })).toBe(false);
    expect(sameValue({ hours: 48 }, { months: 2 })).toBe(false);
    expect(sameValue({ hours: 24 }, null)).toBe(false);
  });

  it('ignores case, spacing, apostrophes and guillemets in quotes', () => {
    expect(normaliseQuote('  L’Établissement\n« peut »  ')).toBe('l\'établissement "peut"');
    expect(quoteFound('à compter de sa détection', ['… notifié sous 24 h à compter de sa\ndétection.'])).toBe(true);
    expect(quoteFound('à compter de sa détection', ['à compter de sa confirmation'])).toBe(false);
    expect(quoteFound('anything', [])).toBe(false);
  });
});

describe('checkThresholds', () => {
  it('fails on accuracy, on false-ok, and on an empty set', () => {
    const score = scoreSet(fakeRun(), RULES);
    const check = checkThresholds('dev', score, { minAccuracy: 0.95, maxFalseOk: 0 });
    expect(check.pass).toBe(false);
    expect(check.failures).toEqual(['accuracy 0.333 < 0.95', 'false-ok 2 > 0']);
    expect(checkThresholds('dev', score, { minAccuracy: 0.3, maxFalseOk: 2 }).pass).toBe(true);
    const empty = checkThresholds('dev', scoreSet([], RULES), { minAccuracy: 0, maxFalseOk: 0 });
    expect(empty.pass).toBe(false);
  });

  it('renders the failure, the false-ok list and both columns', () => {
    const engine = scoreSet(fakeRun(), RULES);
    const text = renderSet({ set: 'dev', engine, baseline: engine, check: checkThresholds('dev', engine, { minAccuracy: 0.95, maxFalseOk: 0 }), problems: [] }, false);
    expect(text).toContain('FAIL dev');
    expect(text).toContain('fixtures/eval/dev/b-en.docx  incident-notification: expected missing, got ok');
    expect(text).toMatch(/false-ok\s+2\s+2/);
  });
});

describe('parseExpected', () => {
  const ids = ['incident-notification', 'log-retention'];

  it('reads a complete file', () => {
    const parsed = parseExpected(
      'language: fr\nrules:\n  incident-notification: { status: ok, value: { hours: 24 }, quote: "24 heures" }\n  log-retention: { status: missing }\nnotes: why\n',
      ids,
    );
    expect(parsed).toEqual({
      language: 'fr',
      rules: { 'incident-notification': { status: 'ok', value: { hours: 24 }, quote: '24 heures' }, 'log-retention': { status: 'missing' } },
      notes: 'why',
    });
  });

  it('rejects a file that leaves a rule out, or has a bad status or value', () => {
    expect(parseExpected('language: fr\nrules:\n  incident-notification: { status: ok }\n', ids)).toEqual({ error: 'rule log-retention is not listed' });
    expect(parseExpected('language: fr\nrules:\n  incident-notification: { status: good }\n  log-retention: { status: ok }\n', ids)).toHaveProperty('error');
    expect(parseExpected('language: fr\nrules:\n  incident-notification: { status: ok, value: { weeks: 1 } }\n  log-retention: { status: ok }\n', ids)).toHaveProperty('error');
    expect(parseExpected('language: de\nrules: {}\n', ids)).toHaveProperty('error');
  });
});

describe('keyword baseline', () => {
  it('splits paragraphs, table rows and sentences', () => {
    expect(splitSentences('Article 1. Objet\nLe Titulaire notifie. Il conserve les journaux.\n| RSSI | a@b.fr |')).toEqual([
      'Article 1.',
      'Objet',
      'Le Titulaire notifie.',
      'Il conserve les journaux.',
      '| RSSI | a@b.fr |',
    ]);
  });

  it('says ok when a keyword sentence has a good figure, weak without one, missing without keywords', () => {
    const ok = keywordBaseline('Le Titulaire notifie tout incident de sécurité dans un délai de vingt-quatre (24) heures.');
    expect(ok['incident-notification']).toMatchObject({ status: 'ok', value: { hours: 24 } });
    const weak = keywordBaseline('Le Titulaire notifie tout incident de sécurité dans les meilleurs délais.');
    expect(weak['incident-notification']!.status).toBe('weak');
    const late = keywordBaseline('Le Titulaire informe le client de tout incident sous 5 jours ouvrés.');
    expect(late['incident-notification']!.status).toBe('weak');
    expect(keywordBaseline('Le prix est ferme.')['incident-notification']!.status).toBe('missing');
  });

  it('holds retention to the floor and reads a maximum as not enough', () => {
    expect(keywordBaseline('Les journaux d’accès sont conservés douze (12) mois.')['log-retention']).toMatchObject({ status: 'ok', value: { months: 12 } });
    expect(keywordBaseline('Les journaux sont conservés trois mois.')['log-retention']!.status).toBe('weak');
    expect(keywordBaseline('Les journaux sont conservés au maximum 12 mois.')['log-retention']!.status).toBe('weak');
  });

  it('reads contacts, audit rights and penalties the way a search would', () => {
    const text = [
      'RSSI : Jeanne Martin, 01 23 45 67 89, j.martin@example.fr',
      "L'Établissement peut auditer le Titulaire une fois par an moyennant un préavis de quinze (15) jours.",
      'Tout retard de notification d’un incident de sécurité donne lieu à une pénalité de 500 euros par jour.',
    ].join('\n');
    const result = keywordBaseline(text);
    expect(result['security-contacts']!.status).toBe('ok');
    expect(result['audit-rights']!.status).toBe('ok');
    expect(result['security-penalties']!.status).toBe('ok');
    const weak = keywordBaseline('Le RSSI sera désigné ultérieurement. Les audits se font sur préavis de 60 jours et peuvent être menés. Des pénalités de disponibilité de 2 % s’appliquent.');
    expect(weak['security-contacts']!.status).toBe('weak');
    expect(weak['audit-rights']!.status).toBe('weak');
    expect(weak['security-penalties']!.status).toBe('weak');
  });

  it('does not count a licence audit of the client', () => {
    expect(keywordBaseline('The Vendor may audit the Customer’s use of the licence once a year.')['audit-rights']!.status).toBe('missing');
  });
});
