import { describe, expect, it } from 'vitest';
import { htmlLineToText, sanitizeSummary, textToHtml } from '../src/updates/sanitize.js';

const BASE = 'https://wire.example.org/live/1001';
const REL = 'rel="noopener noreferrer nofollow" target="_blank"';

/**
 * Payloads written for Dayline, covering the usual families: script and event-handler injection,
 * URL schemes hidden by case, whitespace, entities and control characters, style tricks, broken
 * and nested tags, embedded documents, and elements that redirect or re-target the page.
 */
const xssCorpus = [
  `<script>alert('dayline')</script>`,
  `<SCRIPT SRC=https://evil.example/x.js></SCRIPT>`,
  `<img src=x onerror=alert(1)>`,
  `<svg onload=alert(1)>`,
  `<svg><script>alert(1)</script></svg>`,
  `<a href="javascript:alert(1)">a</a>`,
  `<a href="jav&#x09;ascript:alert(1)">a</a>`,
  `<a href="jav&#x0A;ascript:alert(1)">a</a>`,
  `<a href="javas&Tab;cript:alert(1)">a</a>`,
  `<a href=" javascript:alert(1)">a</a>`,
  `<a href="JaVaScRiPt:alert(1)">a</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">a</a>`,
  `<a href="&#x6A;avascript&colon;alert(1)">a</a>`,
  `<a href="javascript&#58;alert(1)">a</a>`,
  `<a href="java&#0000115;cript:alert(1)">a</a>`,
  `<a href="&#1;javascript:alert(1)">a</a>`,
  `<a href="java\u0000script:alert(1)">a</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a>`,
  `<a href="vbscript:msgbox(1)">a</a>`,
  `<p style="background:url(javascript:alert(1))">styled</p>`,
  `<p style="width: expression(alert(1))">expr</p>`,
  `<style>body{background:url("javascript:alert(1)")}</style>`,
  `<scr<script>ipt>alert(1)</scr</script>ipt>`,
  `<<script>script>alert(1)<</script>/script>`,
  `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<base href="https://evil.example/">`,
  `<form action="javascript:alert(1)"><button>go</button></form>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">m</maction></math>`,
  `<svg><a xlink:href="javascript:alert(1)"><text x="0" y="10">s</text></a></svg>`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="data:image/svg+xml,<svg onload=alert(1)>">`,
  `<body onload=alert(1)>`,
  `<p onmouseover="alert(1)">hover</p>`,
  `<a href="https://ok.example/" onclick="alert(1)">ok</a>`,
  `<b onmouseover=alert(1)>bold</b>`,
  `<div><img src="x" onerror="alert(1)"//`,
  `<img """><script>alert(1)</script>">`,
  `<details open ontoggle=alert(1)>`,
  `<video><source onerror="alert(1)"></video>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
  `<textarea><script>alert(1)</script></textarea>`,
  `<template><script>alert(1)</script></template>`,
  `<!--<img src="--><img src=x onerror=alert(1)//">`,
  `<input autofocus onfocus=alert(1)>`,
  `<link rel=import href="https://evil.example/x.html">`,
  `<marquee onstart=alert(1)>m</marquee>`,
  `<a href="https://ok.example/" target="_self" rel="opener">spoofed rel</a>`,
  `<p><a href="javascript:alert(1)"><strong>nested</strong></a></p>`,
];

const allowedTag = /^<(\/?)(p|em|strong|ul|ol|li|blockquote)>$|^<br \/>$|^<\/a>$/;
const safeLink =
  /^<a href="(?:https?|mailto):[^"<>\s]*" rel="noopener noreferrer nofollow" target="_blank">$/;

/** Every tag left is on the allow-list with exactly the attributes we set; no other "<" remains. */
function expectInert(html: string): void {
  const tags = html.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) {
    expect(allowedTag.test(tag) || safeLink.test(tag), `unexpected tag ${tag} in ${html}`).toBe(true);
  }
  expect(html.replace(/<[^>]*>/g, '')).not.toContain('<');
  expect(html).not.toMatch(/javascript:|vbscript:|data:|\son\w+=|style=|srcdoc|xlink/i);
}

describe('sanitizeSummary: XSS corpus', () => {
  it('has a corpus of at least 30 payloads', () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(xssCorpus)('neutralises %s', (payload) => {
    for (const base of [BASE, undefined]) {
      const { html, text } = sanitizeSummary(`<p>Before</p>${payload}<p>After</p>`, base);
      expectInert(html);
      expect(html.startsWith('<p>Before</p>')).toBe(true);
      expect(text).not.toMatch(/<script|<img|<svg|<iframe/i);
    }
  });

  it('drops script, style and embedded-document text rather than showing it', () => {
    const { text } = sanitizeSummary(
      '<p>Kept</p><script>var secret = 1;</script><style>p { color: red }</style><iframe>frame text</iframe>',
    );
    expect(text).toBe('Kept');
  });
});

describe('sanitizeSummary: what it keeps', () => {
  it('keeps the allowed structure, mapping b to strong and i to em', () => {
    const { html } = sanitizeSummary(
      '<div><p class="lead">One <b>bold</b> and <i>italic</i></p><ul><li>a</li><li>b</li></ul>' +
        '<ol><li>c</li></ol><blockquote>quoted</blockquote>line<br>break<h2>heading</h2><span>span</span></div>',
      BASE,
    );
    expect(html).toBe(
      '<p>One <strong>bold</strong> and <em>italic</em></p><ul><li>a</li><li>b</li></ul>' +
        '<ol><li>c</li></ol><blockquote>quoted</blockquote>line<br />breakheadingspan',
    );
  });

  it('makes every link absolute and safe to open, and drops links it cannot make absolute', () => {
    const { html } = sanitizeSummary(
      '<a href="/live/1002">relative</a> <a href="photos">sibling</a> <a href="//cdn.example.org/x">scheme-less</a> ' +
        '<a href="mailto:desk@example.org">mail</a> <a>no href</a> <a href="http://[bad">broken</a>',
      BASE,
    );
    expect(html).toBe(
      `<a href="https://wire.example.org/live/1002" ${REL}>relative</a> ` +
        `<a href="https://wire.example.org/live/photos" ${REL}>sibling</a> ` +
        `<a href="https://cdn.example.org/x" ${REL}>scheme-less</a> ` +
        `<a href="mailto:desk@example.org" ${REL}>mail</a> no href broken`,
    );
    expect(sanitizeSummary('<a href="/live/1002">relative</a>').html).toBe('relative');
    expect(sanitizeSummary('<a href="https://a.example/?x=1&amp;y=2">q</a>').html).toBe(
      `<a href="https://a.example/?x=1&amp;y=2" ${REL}>q</a>`,
    );
  });

  it('reduces the same content to plain text with paragraphs separated by a blank line', () => {
    const { text } = sanitizeSummary(
      '<p>Fish &amp; chips&nbsp;at  the\n harbour.</p><p>Prices &lt;up&gt; “again”</p>' +
        '<ul><li>first</li><li>second</li></ul>one<br>line<br><br>new paragraph<blockquote>quote</blockquote>',
    );
    expect(text).toBe(
      'Fish & chips at the harbour.\n\nPrices <up> “again”\n\nfirst\n\nsecond\n\none line\n\nnew paragraph\n\nquote',
    );
  });

  it('returns empty output for empty or markup-only input', () => {
    expect(sanitizeSummary('')).toEqual({ html: '', text: '' });
    expect(sanitizeSummary('<script>x</script><p> </p>').text).toBe('');
  });
});

describe('textToHtml and htmlLineToText', () => {
  it('escapes plain text into paragraphs', () => {
    expect(textToHtml('Prices <b>rise</b> & fall.\n\nSecond  paragraph.')).toBe(
      '<p>Prices &lt;b&gt;rise&lt;/b&gt; &amp; fall.</p><p>Second paragraph.</p>',
    );
  });

  it('flattens markup in titles to one line of text', () => {
    expect(htmlLineToText('Ceasefire <em>holds</em>\n overnight &amp;amp; beyond<script>x</script>')).toBe(
      'Ceasefire holds overnight &amp; beyond',
    );
    expect(htmlLineToText('<p>One</p><p>Two</p>')).toBe('One Two');
  });
});
