import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, decodeBodyDetailed } from '../../src/feeds/decode.js';

/** Text in each charset, encoded at test time so the repository holds no binary fixtures. */
const samples = [
  { charset: 'ISO-8859-1', text: 'Café, façade, Straße «naïve» ½' },
  { charset: 'ISO-8859-7', text: 'Ειδήσεις από την Αθήνα' },
  { charset: 'windows-1251', text: 'Новости дня: переговоры продолжаются' },
  { charset: 'windows-1252', text: '“Smart quotes” and ‘single’ ones… €5' },
  { charset: 'GB2312', text: '今日新闻：谈判继续进行' },
];

function xml(text: string, declared?: string): string {
  const declaration = declared ? `<?xml version="1.0" encoding="${declared}"?>` : '<?xml version="1.0"?>';
  return `${declaration}\n<rss version="2.0"><channel><title>${text}</title></channel></rss>`;
}

function encoded(text: string, charset: string): Buffer {
  return iconv.encode(text, charset);
}

describe('decodeBody', () => {
  for (const { charset, text } of samples) {
    it(`reads ${charset} named by the HTTP charset`, () => {
      const body = encoded(xml(text), charset);
      expect(decodeBody(body, `application/rss+xml; charset=${charset}`)).toContain(`<title>${text}</title>`);
      expect(decodeBody(body, `text/xml;charset="${charset.toLowerCase()}"`)).toContain(text);
    });

    it(`reads ${charset} named by the XML declaration`, () => {
      const decoded = decodeBody(encoded(xml(text, charset), charset), 'application/rss+xml');
      expect(decoded).toContain(`<title>${text}</title>`);
      // The declaration no longer claims an encoding the string does not have.
      expect(decoded.startsWith('<?xml version="1.0"?>')).toBe(true);
    });
  }

  it('lets the HTTP charset win over the XML declaration', () => {
    const { text } = samples[2]!;
    const body = encoded(xml(text, 'ISO-8859-1'), 'windows-1251');
    expect(decodeBodyDetailed(body, 'text/xml; charset=windows-1251')).toMatchObject({
      charset: 'windows-1251',
      source: 'http',
    });
    expect(decodeBody(body, 'text/xml; charset=windows-1251')).toContain(text);
  });

  it('honours a byte order mark above everything else', () => {
    const text = 'Zürich “live”';
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml(text, 'ISO-8859-1'))]);
    expect(decodeBody(utf8, 'text/xml; charset=windows-1251')).toContain(`<title>${text}</title>`);
    expect(decodeBody(utf8).charCodeAt(0)).not.toBe(0xfeff);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml(text, 'UTF-16'), 'utf-16le')]);
    expect(decodeBody(utf16)).toContain(`<title>${text}</title>`);
  });

  it('reads UTF-16 without a BOM from the shape of "<?"', () => {
    const text = 'Ελλάδα';
    expect(decodeBody(iconv.encode(xml(text, 'UTF-16'), 'utf-16be'))).toContain(text);
  });

  it('defaults to UTF-8', () => {
    const text = 'Київ — 今日 — “quoted”';
    expect(decodeBodyDetailed(Buffer.from(xml(text)))).toMatchObject({ charset: 'utf-8', source: 'default' });
    expect(decodeBody(Buffer.from(JSON.stringify({ title: text })), 'application/feed+json')).toContain(text);
  });

  it('survives a declaration of UTF-8 on Windows-1252 bytes', () => {
    const { text } = samples[3]!;
    const body = encoded(xml(text, 'utf-8'), 'windows-1252');
    expect(decodeBody(body)).toContain(text);
    expect(decodeBody(body, 'application/rss+xml; charset=utf-8')).toContain(text);
  });

  it('prefers the XML declaration when the HTTP header wrongly says UTF-8', () => {
    const { text } = samples[2]!;
    const body = encoded(xml(text, 'windows-1251'), 'windows-1251');
    expect(decodeBody(body, 'text/xml; charset=utf-8')).toContain(text);
  });

  it('reads UTF-8 bytes under a stale legacy label as UTF-8', () => {
    const text = 'Café “Zürich” — Київ';
    const body = Buffer.from(xml(text, 'ISO-8859-1'));
    expect(decodeBody(body)).toContain(text);
    expect(decodeBody(body, 'text/xml; charset=windows-1251')).toContain(text);
  });

  it('does not crash on unknown or malformed labels', () => {
    const text = 'Plain “text”';
    const utf8 = Buffer.from(xml(text, 'x-no-such-charset'));
    expect(decodeBody(utf8, 'text/xml; charset=bogus-7')).toContain(text);
    const legacy = encoded(xml(text, 'x-no-such-charset'), 'windows-1252');
    expect(decodeBody(legacy, 'text/xml; charset=')).toContain(text);
    expect(decodeBody(Buffer.alloc(0))).toBe('');
    expect(decodeBody(Buffer.from([0xff, 0xfe]))).toBe('');
    expect(() => decodeBody(Buffer.from([0x80, 0x81, 0xc3]), 'text/xml; charset=utf-8')).not.toThrow();
  });
});
