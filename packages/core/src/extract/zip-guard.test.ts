import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { inspectZip } from './zip-guard.js';

async function zip(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(entries)) archive.file(name, content);
  return archive.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Rewrites every declared uncompressed size (local headers and central directory) to `size`. */
function lieAboutSizes(bytes: Uint8Array, size: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 4 <= copy.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return copy;
}

describe('inspectZip', () => {
  it('hands back the XML parts of a sound archive', async () => {
    const result = await inspectZip(await zip({ 'word/document.xml': '<w:document>Contrat</w:document>', 'media/logo.png': new Uint8Array(10) }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.contents.names).toEqual(['word/', 'word/document.xml', 'media/', 'media/logo.png']);
      expect([...result.contents.xmlParts.keys()]).toEqual(['word/document.xml']);
    }
  });

  it('refuses an archive whose declared size passes the cap', async () => {
    const bytes = await zip({ 'word/document.xml': new Uint8Array(3 * 1024 * 1024) });
    expect(await inspectZip(bytes, { maxUnzippedBytes: 1024 * 1024 })).toMatchObject({ ok: false, problem: { code: 'zip-bomb' } });
  });

  it('refuses an entry that inflates past the size it declares', async () => {
    const bytes = lieAboutSizes(await zip({ 'word/document.xml': new Uint8Array(3 * 1024 * 1024) }), 100);
    expect(await inspectZip(bytes)).toMatchObject({ ok: false, problem: { code: 'zip-bomb' } });
  });

  it('refuses DOCTYPE and ENTITY declarations in XML parts', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document>&lol2;</w:document>';
    expect(await inspectZip(await zip({ 'word/document.xml': laughs }))).toMatchObject({ ok: false, problem: { code: 'xml-entities' } });
  });

  it('says corrupt for a damaged archive', async () => {
    const bytes = await zip({ 'word/document.xml': '<w:document/>' });
    expect(await inspectZip(bytes.subarray(0, bytes.length - 30))).toMatchObject({ ok: false, problem: { code: 'corrupt' } });
  });
});
