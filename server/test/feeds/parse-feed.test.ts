import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed, stripDoctype, type ParsedFeed } from '../../src/feeds/parse-feed.js';

const fixtures = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
const fetchedAt = new Date('2022-03-17T06:00:00Z');
const REL = 'rel="noopener noreferrer nofollow" target="_blank"';

function fixture(name: string): Buffer {
  return readFileSync(`${fixtures}${name}`);
}

function parse(body: string | Buffer, url = 'https://wire.example.org/feeds/live.xml', contentType?: string) {
  return parseFeed(typeof body === 'string' ? Buffer.from(body) : body, {
    url,
    fetchedAt,
    ...(contentType ? { contentType } : {}),
  });
}

/** One RSS 2.0 channel around the given items. */
function rss(items: string, channelExtra = '', rootAttributes = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"${rootAttributes}><channel>
<title>Test Wire</title><link>https://wire.example.org/</link><description>d</description>${channelExtra}
${items}
</channel></rss>`;
}

describe('parseFeed: formats', () => {
  it('reads RSS 2.0: entities, HTML summaries, relative links, guids, authors, categories', () => {
    const feed = parse(fixture('rss2.xml'));
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'Northwind Wire — Live',
      siteUrl: 'https://wire.example.org/live',
    });
    expect(feed.items.map((i) => i.title)).toEqual([
      'Talks resume & delegations meet in the capital',
      'Power restored to eastern districts',
      'Rail line reopens',
      'A convoy of forty lorries carrying flour and medicine crossed the border this morning, officials said, the largest so…',
      'Full text only',
    ]);
    const [first, second, third, untitled, fullText] = feed.items;
    expect(first).toEqual({
      guid: 'northwind-1001',
      title: 'Talks resume & delegations meet in the capital',
      summaryHtml:
        '<p>Delegations met for <strong>three hours</strong> behind closed doors.</p>' +
        `<p>See the <a href="https://wire.example.org/live/1001/photos" ${REL}>photos</a>.</p>`,
      summaryText: 'Delegations met for three hours behind closed doors.\n\nSee the photos.',
      url: 'https://wire.example.org/live/1001?utm_source=rss',
      author: 'Mara Quill',
      publishedAt: '2022-03-16T19:30:00.000Z',
      dateFallback: false,
      categories: ['Diplomacy', 'Talks'],
    });
    expect(second).toMatchObject({
      guid: 'https://wire.example.org/live/1002',
      url: 'https://wire.example.org/live/1002',
      summaryHtml: 'Crews worked overnight <em>in freezing rain</em>.',
      summaryText: 'Crews worked overnight in freezing rain.',
    });
    expect(third).toMatchObject({
      guid: 'https://wire.example.org/live/1003',
      url: 'https://wire.example.org/live/1003',
      publishedAt: '2022-03-17T00:02:00.000Z',
    });
    expect(untitled?.guid).toMatch(/^[0-9a-f]{64}$/);
    expect(untitled?.url).toBeUndefined();
    expect(fullText).toMatchObject({
      summaryHtml: '<p>Only <em>content:encoded</em> carries the text.</p>',
      dateFallback: true,
      publishedAt: fetchedAt.toISOString(),
    });
  });

  it('reads RSS 0.91 with its Netscape DOCTYPE and HTML entities', () => {
    const feed = parse(fixture('rss091.xml'), 'http://courier.example.com/rss.xml');
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'Lakeside Courier',
      siteUrl: 'http://courier.example.com/',
    });
    expect(feed.items).toEqual([
      {
        guid: 'http://courier.example.com/stories/cafe-rebuild',
        title: 'Café owners rebuild after the flood',
        summaryHtml: 'Volunteers cleared the mud in two days.',
        summaryText: 'Volunteers cleared the mud in two days.',
        url: 'http://courier.example.com/stories/cafe-rebuild',
        publishedAt: fetchedAt.toISOString(),
        dateFallback: true,
        categories: [],
      },
      expect.objectContaining({ title: 'Ferry timetable changes', summaryHtml: '', summaryText: '' }),
    ]);
  });

  it('reads RSS 1.0 (RDF) with Dublin Core dates, creators and subjects', () => {
    const feed = parse(fixture('rdf.xml'), 'https://bulletin.example.org/rss');
    expect(feed).toMatchObject({
      format: 'rdf',
      title: 'Valley Bulletin',
      siteUrl: 'https://bulletin.example.org/',
    });
    expect(feed.items).toEqual([
      {
        guid: 'https://bulletin.example.org/b/77',
        title: 'Bridge inspection finds cracks',
        summaryHtml: 'Engineers closed the old bridge to lorries.',
        summaryText: 'Engineers closed the old bridge to lorries.',
        url: 'https://bulletin.example.org/b/77',
        author: 'Ilse Brandt',
        publishedAt: '2022-03-16T08:15:00.000Z',
        dateFallback: false,
        categories: ['Infrastructure'],
      },
      expect.objectContaining({
        guid: 'https://bulletin.example.org/b/78',
        publishedAt: '2022-03-16T10:00:00.000Z',
      }),
    ]);
  });

  it('reads Atom, resolving links against the entry xml:base, then the feed xml:base', () => {
    const feed = parse(fixture('atom.xml'), 'https://gazette.example.net/feeds/world.atom');
    expect(feed).toMatchObject({
      format: 'atom',
      title: 'Harbour Gazette: World',
      siteUrl: 'https://gazette.example.net/world/live/',
    });
    const [ceasefire, grain, prices] = feed.items;
    expect(ceasefire).toEqual({
      guid: 'tag:gazette.example.net,2022:entry-501',
      title: 'Ceasefire holds overnight',
      summaryHtml: `<p>Both sides reported a quiet night. <a href="https://gazette.example.net/2022/03/photos/1" ${REL}>Photos</a></p>`,
      summaryText: 'Both sides reported a quiet night. Photos',
      url: 'https://gazette.example.net/2022/03/ceasefire.html',
      author: 'Tomas Reyes',
      publishedAt: '2022-03-16T21:30:00.000Z',
      dateFallback: false,
      categories: ['Security', 'ceasefire'],
    });
    // No entry base: the feed's base (…/world/) applies, so ../europe/grain leaves /world/.
    expect(grain).toMatchObject({
      url: 'https://gazette.example.net/europe/grain',
      summaryHtml: '<p>Three ships left <strong>at dawn</strong>.</p>',
      publishedAt: '2022-03-16T18:00:00.000Z',
    });
    // type="text" means what it says: angle brackets are characters, not markup.
    expect(prices).toMatchObject({
      title: 'Prices <rise> again',
      summaryHtml: '<p>Fuel costs 5% more &lt;b&gt;than last week&lt;/b&gt;.</p>',
      summaryText: 'Fuel costs 5% more <b>than last week</b>.',
      url: 'https://markets.example.net/prices',
    });
  });

  it('reads JSON Feed 1.0, with its single author and numeric ids', () => {
    const feed = parse(fixture('json10.json'), 'https://radio.example.com/news/feed.json');
    expect(feed).toMatchObject({
      format: 'json',
      title: 'Ridge Radio Newsroom',
      siteUrl: 'https://radio.example.com/news',
    });
    expect(feed.items).toEqual([
      {
        guid: 'rr-2201',
        title: 'Snow closes mountain pass',
        summaryHtml: '<p>The pass will stay shut until <strong>Friday</strong>.</p>',
        summaryText: 'The pass will stay shut until Friday.',
        url: 'https://radio.example.com/news/2201',
        author: 'Ridge Radio Desk',
        publishedAt: '2022-03-16T12:45:00.000Z',
        dateFallback: false,
        categories: ['Weather', 'Roads'],
      },
      {
        guid: '2202',
        title: 'Council approved the budget. The vote was 7 to 2.',
        summaryHtml: '<p>Council approved the budget.</p><p>The vote was 7 to 2.</p>',
        summaryText: 'Council approved the budget.\n\nThe vote was 7 to 2.',
        url: 'https://radio.example.com/news/2202',
        author: 'Ridge Radio Desk',
        publishedAt: '2022-03-16T08:00:00.000Z',
        dateFallback: false,
        categories: [],
      },
    ]);
  });

  it('reads JSON Feed 1.1, preferring the short summary and falling back to external_url', () => {
    const feed = parse(fixture('json11.json'), 'https://coastline.example.org/feed.json');
    expect(feed).toEqual({
      format: 'json',
      title: 'Coastline Daily Live',
      siteUrl: 'https://coastline.example.org/',
      items: [
        {
          guid: 'cd-88',
          title: 'Harbour wall repaired',
          summaryHtml: '<p>Repairs finished two weeks early.</p>',
          summaryText: 'Repairs finished two weeks early.',
          url: 'https://partner.example.org/story/88',
          author: 'Ana Lind',
          publishedAt: '2022-03-16T12:30:00.000Z',
          dateFallback: false,
          categories: ['Local'],
        },
      ],
    } satisfies ParsedFeed);
  });
  it('reads a JSON Feed whose HTML mentions an <rss> element as JSON', () => {
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Tech Desk',
      items: [
        { id: 'td-1', title: 'How feeds work', content_html: '<p>Start with <rss version="2.0">.</p>' },
      ],
    });
    expect(parse(feed, 'https://tech.example.org/feed.json')).toMatchObject({
      format: 'json',
      items: [{ guid: 'td-1', summaryText: 'Start with .' }],
    });
  });
});

describe('parseFeed: items', () => {
  it('falls back from guid to the resolved link to a stable content hash', () => {
    const items = `
<item><guid isPermaLink="false">  wire-7  </guid><title>With guid</title><link>/a</link></item>
<item><title>With link only</title><link>/b?x=1</link></item>
<item><title>Permalink guid</title><guid>https://wire.example.org/c</guid></item>
<item><title>Non-permalink guid is not a link</title><guid isPermaLink="false">https://wire.example.org/d</guid></item>
<item><title>Neither</title><description>Body</description><pubDate>Wed, 16 Mar 2022 10:00:00 GMT</pubDate></item>`;
    const feed = parse(rss(items));
    expect(feed.items.map((i) => [i.guid, i.url])).toEqual([
      ['wire-7', 'https://wire.example.org/a'],
      ['https://wire.example.org/b?x=1', 'https://wire.example.org/b?x=1'],
      ['https://wire.example.org/c', 'https://wire.example.org/c'],
      ['https://wire.example.org/d', undefined],
      [expect.stringMatching(/^[0-9a-f]{64}$/), undefined],
    ]);
    const again = parse(rss(items), 'https://wire.example.org/feeds/live.xml');
    expect(again.items[4]?.guid).toBe(feed.items[4]?.guid);
    const edited = parse(rss(items.replace('<description>Body', '<description>Body, corrected')));
    expect(edited.items[4]?.guid).not.toBe(feed.items[4]?.guid);
  });

  it('keeps the hash guid stable across polls when the date is missing', () => {
    const items = '<item><title>Undated</title><description>Text</description></item>';
    const first = parseFeed(Buffer.from(rss(items)), { url: 'https://wire.example.org/f', fetchedAt });
    const later = parseFeed(Buffer.from(rss(items)), {
      url: 'https://wire.example.org/f',
      fetchedAt: new Date(fetchedAt.getTime() + 3_600_000),
    });
    expect(later.items[0]?.guid).toBe(first.items[0]?.guid);
    expect(later.items[0]?.dateFallback).toBe(true);
  });

  it('resolves links against an xml:base on <rss> or <channel> and the item', () => {
    const items =
      '<item xml:base="/2022/"><title>t</title><link>story</link></item><item><title>u</title><link>page</link></item>';
    const feed = parse(rss(items, '', ' xml:base="https://mirror.example.org/base/"'));
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://mirror.example.org/2022/story',
      'https://mirror.example.org/base/page',
    ]);
    expect(feed.siteUrl).toBe('https://wire.example.org/');
  });

  it('keeps only absolute http(s) links', () => {
    const items = `
<item><title>a</title><link>javascript:alert(1)</link></item>
<item><title>b</title><link>mailto:desk@example.org</link></item>
<item><title>c</title><link>http://[broken</link></item>`;
    expect(parse(rss(items)).items.map((i) => i.url)).toEqual([undefined, undefined, undefined]);
  });

  it('titles an untitled item from its summary and skips items with neither', () => {
    const long = 'Word '.repeat(60);
    const items = `
<item><description>${long}</description></item>
<item><description>&lt;p&gt;Short &lt;b&gt;note&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>  </title><description>  </description><link>https://wire.example.org/empty</link></item>
<item><link>https://wire.example.org/nothing</link></item>`;
    const feed = parse(rss(items));
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]?.title.length).toBeLessThanOrEqual(121);
    expect(feed.items[0]?.title).toMatch(/^Word Word .*Word…$/);
    expect(feed.items[1]?.title).toBe('Short note.');
  });

  it('cleans titles: entities decoded, markup dropped, white space folded', () => {
    const items = `
<item><title><![CDATA[A <b>bold</b>   move]]></title></item>
<item><title>Tom &amp;amp; Jerry &#8211; part&#160;2</title></item>
<item><title>
   Multi
   line
</title></item>`;
    expect(parse(rss(items)).items.map((i) => i.title)).toEqual([
      'A bold move',
      'Tom & Jerry – part 2',
      'Multi line',
    ]);
  });

  it('clamps future dates to the fetch time and flags missing or unreadable ones', () => {
    const items = `
<item><title>future</title><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>
<item><title>slightly ahead</title><pubDate>Thu, 17 Mar 2022 06:05:00 GMT</pubDate></item>
<item><title>missing</title></item>
<item><title>garbage</title><pubDate>last Tuesday</pubDate></item>
<item><title>dc:date</title><dc:date>2022-03-16T12:00:00+01:00</dc:date></item>`;
    expect(parse(rss(items)).items.map((i) => [i.title, i.publishedAt, i.dateFallback])).toEqual([
      ['future', fetchedAt.toISOString(), false],
      ['slightly ahead', '2022-03-17T06:05:00.000Z', false],
      ['missing', fetchedAt.toISOString(), true],
      ['garbage', fetchedAt.toISOString(), true],
      ['dc:date', '2022-03-16T11:00:00.000Z', false],
    ]);
  });
});

describe('parseFeed: character sets', () => {
  const titles: Array<[string, string]> = [
    ['ISO-8859-1', 'Café «naïve» façade'],
    ['ISO-8859-7', 'Ειδήσεις από την Αθήνα'],
    ['windows-1251', 'Переговоры продолжаются'],
    ['windows-1252', '“Curly” quotes – and €'],
    ['GB2312', '谈判继续进行'],
  ];

  for (const [charset, title] of titles) {
    it(`reads ${charset} from the HTTP header and from the XML declaration`, () => {
      const viaHttp = iconv.encode(
        rss(`<item><title>${title}</title></item>`).replace(' encoding="utf-8"', ''),
        charset,
      );
      expect(parse(viaHttp, undefined, `application/rss+xml; charset=${charset}`).items[0]?.title).toBe(
        title,
      );
      const viaXml = iconv.encode(
        rss(`<item><title>${title}</title></item>`).replace('utf-8', charset),
        charset,
      );
      expect(parse(viaXml).items[0]?.title).toBe(title);
    });
  }

  it('survives a wrong declaration', () => {
    const title = '“Curly” quotes';
    const body = iconv.encode(rss(`<item><title>${title}</title></item>`), 'windows-1252');
    expect(parse(body).items[0]?.title).toBe(title);
  });
});

describe('parseFeed: hostile and broken documents', () => {
  it('does not expand a billion-laughs entity bomb', () => {
    const started = performance.now();
    const feed = parse(fixture('billion-laughs.xml'), 'https://bomb.example.org/feed');
    expect(performance.now() - started).toBeLessThan(500);
    expect(JSON.stringify(feed).length).toBeLessThan(2000);
    expect(JSON.stringify(feed)).not.toContain('boom');
    expect(feed.items[0]?.title).toBe('Item &b9;');
  });

  it('does not read external entities', () => {
    const feed = parse(fixture('xxe.xml'), 'https://xxe.example.org/feed');
    const json = JSON.stringify(feed);
    expect(json).not.toMatch(/root:|nologin|\/bin\//);
    expect(feed.items[0]).toMatchObject({ guid: 'xxe-1', title: 'Leak &xxe;', summaryText: '&remote;' });
  });

  it('removes a DOCTYPE and its internal subset, even with quoted brackets and comments', () => {
    const doc =
      '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!-- a ] comment\'s > --> <!ENTITY a "x]>y"> ]>\n<rss version="2.0"/>';
    expect(stripDoctype(doc)).toBe('<?xml version="1.0"?>\n\n<rss version="2.0"/>');
    expect(stripDoctype('<rss><![CDATA[<!DOCTYPE x>]]></rss>')).toBe('<rss><![CDATA[<!DOCTYPE x>]]></rss>');
    expect(() => stripDoctype('<!DOCTYPE rss [ <!ENTITY a "b">')).toThrow(FeedParseError);
  });

  it.each([
    ['an empty body', '', 'Not a feed: the document is empty'],
    ['white space', ' \n\t ', 'Not a feed: the document is empty'],
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>',
      'Not a feed: the URL returned an HTML page',
    ],
    [
      'plain text',
      'Service temporarily unavailable',
      'Not a feed: the document is not RSS, Atom, RDF or JSON Feed',
    ],
    [
      'JSON that is not a feed',
      '{"status":"ok","data":[]}',
      'Not a feed: the document is not RSS, Atom, RDF or JSON Feed',
    ],
    [
      'other XML',
      '<?xml version="1.0"?><sitemap><url>https://example.org/</url></sitemap>',
      'Not a feed: the document is not RSS, Atom, RDF or JSON Feed',
    ],
  ])('rejects %s with a clear message', (_name, body, message) => {
    expect(() => parse(body)).toThrow(new FeedParseError(message));
  });

  it('says a truncated feed is malformed', () => {
    const truncated = rss('<item><title>Complete</title></item><item><title>Cut off').slice(0, -30);
    expect(() => parse(truncated)).toThrow(/^Malformed feed: the XML could not be read/);
    const json = fixture('json11.json').toString().slice(0, 120);
    expect(() => parse(json)).toThrow(/^Malformed feed: the JSON could not be read/);
  });
});
