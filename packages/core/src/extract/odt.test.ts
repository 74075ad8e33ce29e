import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { odtExtractor } from './odt.js';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';

const CONTENT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS}><office:body><office:text>
  <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>soixante-douze (72)</text:p></text:deletion></text:changed-region></text:tracked-changes>
  <text:h text:outline-level="1">Article 7 – <text:span>Sécurité</text:span></text:h>
  <text:p>Le Titulaire   notifie<text:s text:c="2"/>tout incident<text:tab/>sous <text:change text:change-id="c1"/>vingt-quatre (24) heures<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Heures calendaires.</text:p></text:note-body></text:note>.<office:annotation><dc:creator>RSSI</dc:creator><text:p>Commentaire interne</text:p></office:annotation></text:p>
  <text:p>Jeanne Martin<text:line-break/>RSSI</text:p>
  <text:list><text:list-item><text:p>les journaux d'accès ;</text:p></text:list-item><text:list-item><text:p>les journaux d'administration.</text:p>
    <text:list><text:list-item><text:p>sous-point</text:p></text:list-item></text:list></text:list-item></text:list>
  <table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Rôle</text:p></table:table-cell><table:table-cell><text:p>Courriel</text:p></table:table-cell></table:table-row></table:table-header-rows>
    <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>RSSI</text:p><text:p>(titulaire)</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
    <table:table-row><table:table-cell><text:p>DPO</text:p></table:table-cell><table:table-cell><text:p>dpo@example.fr</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>`;

async function odt(content: string, manifestExtra = ''): Promise<Uint8Array> {
  const archive = new JSZip();
  archive.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  archive.file('content.xml', content);
  archive.file(
    'META-INF/manifest.xml',
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifestExtra}</manifest:file-entry></manifest:manifest>`,
  );
  return archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('odtExtractor', () => {
  it('reads headings, spans, spaces, line breaks, lists, tables and notes, changes accepted and comments ignored', async () => {
    const result = await odtExtractor.extract(await odt(CONTENT), {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw.pages[0]!.text.split('\n\n')).toEqual([
      'Article 7 – Sécurité',
      'Le Titulaire notifie tout incident sous vingt-quatre (24) heures[1].',
      'Jeanne Martin\nRSSI',
      "les journaux d'accès ;",
      "les journaux d'administration.",
      'sous-point',
      'Rôle | Courriel',
      'RSSI (titulaire)',
      'DPO | dpo@example.fr',
      '[1] Heures calendaires.',
    ]);
    expect(result.raw.headings).toEqual([{ text: 'Article 7 – Sécurité', level: 1 }]);
    expect(result.raw.warnings.map((w) => w.code)).toEqual(['tracked-changes']);
  });

  it('says encrypted for a password-protected ODT', async () => {
    const encrypted = await odt('not xml: encrypted bytes', '<manifest:encryption-data manifest:checksum-type="SHA1"/>');
    expect(await odtExtractor.extract(encrypted, {})).toMatchObject({ ok: false, problem: { code: 'encrypted' } });
  });

  it('refuses a DOCTYPE in content.xml and says corrupt without content.xml', async () => {
    const withDoctype = await odt(CONTENT.replace('?>', '?><!DOCTYPE office:document-content [<!ENTITY a "aaaa">]>'));
    expect(await odtExtractor.extract(withDoctype, {})).toMatchObject({ ok: false, problem: { code: 'xml-entities' } });
    const archive = new JSZip();
    archive.file('mimetype', 'application/vnd.oasis.opendocument.text');
    expect(await odtExtractor.extract(await archive.generateAsync({ type: 'uint8array' }), {})).toMatchObject({
      ok: false,
      problem: { code: 'corrupt' },
    });
  });
});
