import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, envOptions, loadConfig } from '../src/config.js';
import { ukraineWar } from './support/ukraine-war.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function dirWith(yaml?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dayline-config-'));
  if (yaml !== undefined) writeFileSync(path.join(dir, 'dayline.yaml'), yaml);
  return dir;
}

const validYaml = `
events:
  - slug: flood-2026
    title: River flood
    startDate: "2026-05-01"
    timeZone: America/New_York
    topics:
      - { id: rescue, label: Rescue, color: "#047857", keywords: [rescue, evacuated] }
`;

describe('loadConfig', () => {
  it('uses the built-in demo event, demo on, port 3000 and a SQLite file when nothing is set', () => {
    const config = loadConfig({}, dirWith());
    expect(config).toMatchObject({ port: 3000, demo: true, databaseUrl: 'sqlite:./data/dayline.db' });
    expect(config.events.map((e) => e.slug)).toEqual(['tessel-valley']);
    expect(config.builtInEvent).toBe(true);
    expect(config.events[0]?.topics.length).toBeGreaterThanOrEqual(6);
    expect(config.events[0]?.topics.length).toBeLessThanOrEqual(8);
  });

  it('reads ./dayline.yaml when present, with the demo off unless asked for', () => {
    const config = loadConfig({}, dirWith(validYaml));
    expect(config.events.map((e) => e.slug)).toEqual(['flood-2026']);
    expect(config.demo).toBe(false);
    expect(loadConfig({ DAYLINE_DEMO: 'off' }, dirWith()).demo).toBe(false);
  });

  it('reads the environment', () => {
    const config = loadConfig(
      { PORT: '8080', DAYLINE_INGEST_TOKEN: 'a-long-enough-token', DATABASE_URL: 'sqlite::memory:' },
      dirWith(),
    );
    expect(config).toMatchObject({
      port: 8080,
      ingestToken: 'a-long-enough-token',
      databaseUrl: 'sqlite::memory:',
    });
  });

  it('allows private-network feeds from the environment, without a file replacing the built-in event', () => {
    expect(loadConfig({}, dirWith()).allowPrivateNetworks).toBe(false);
    const allowed = loadConfig({ DAYLINE_ALLOW_PRIVATE_FEEDS: 'on' }, dirWith());
    expect(allowed.allowPrivateNetworks).toBe(true);
    expect(allowed.events.map((e) => e.slug)).toEqual(['tessel-valley']);
    // The environment wins over the file, either way.
    const file = loadConfig(
      { DAYLINE_ALLOW_PRIVATE_FEEDS: 'off' },
      dirWith(`allowPrivateNetworks: true\n${validYaml}`),
    );
    expect(file.allowPrivateNetworks).toBe(false);
    expect(() => loadConfig({ DAYLINE_ALLOW_PRIVATE_FEEDS: 'yes' }, dirWith())).toThrow(ConfigError);
  });

  it.each([
    [
      'an unknown key',
      validYaml.replace('startDate:', 'colour: red\n    startDate:'),
      /events\.0: Unrecognized key.*colour/,
    ],
    [
      'a bad time zone',
      validYaml.replace('America/New_York', 'Mars/Base'),
      /events\.0\.timeZone: Unknown IANA time zone/,
    ],
    ['a bad start date', validYaml.replace('2026-05-01', '2026-13-01'), /events\.0\.startDate/],
    ['a bad colour', validYaml.replace('#047857', 'green'), /events\.0\.topics\.0\.color/],
    ['a bad slug', validYaml.replace('flood-2026', 'Flood 2026'), /events\.0\.slug/],
    ['no events', 'events: []', /events: /],
  ])('stops with a message naming the field for %s', (_name, yaml, message) => {
    expect(() => loadConfig({}, dirWith(yaml))).toThrow(ConfigError);
    expect(() => loadConfig({}, dirWith(yaml))).toThrow(message);
  });

  it('names bad environment variables', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, dirWith())).toThrow(/PORT/);
    expect(() => loadConfig({ DAYLINE_DEMO: 'yes' }, dirWith())).toThrow(/DAYLINE_DEMO/);
    expect(() => loadConfig({ DAYLINE_INGEST_TOKEN: 'short' }, dirWith())).toThrow(/DAYLINE_INGEST_TOKEN/);
    expect(() => loadConfig({ DAYLINE_CONFIG: 'missing.yaml' }, dirWith())).toThrow(/DAYLINE_CONFIG/);
  });
});

describe('DAYLINE_EMBED_ORIGINS', () => {
  const ancestors = (value?: string) =>
    loadConfig(value === undefined ? {} : { DAYLINE_EMBED_ORIGINS: value }, dirWith()).embedAncestors;

  it('lets public events be embedded anywhere by default, only on the sites named, or nowhere', () => {
    expect(ancestors()).toEqual(['*']);
    expect(ancestors('')).toEqual(['*']);
    expect(ancestors('https://news.example.com/, https://*.example.org,http://127.0.0.1:8080')).toEqual([
      'https://news.example.com',
      'https://*.example.org',
      'http://127.0.0.1:8080',
    ]);
    expect(ancestors('none')).toEqual(["'none'"]);
  });

  it.each([
    'news.example.com',
    'https://news.example.com/page',
    "'self'",
    'ftp://x.example',
    'none,https://a.b',
  ])('refuses %s', (value) => {
    expect(() => ancestors(value)).toThrow(/DAYLINE_EMBED_ORIGINS/);
  });
});

describe('dayline.example.yaml', () => {
  it('is a valid configuration', () => {
    const example = fileURLToPath(new URL('../../dayline.example.yaml', import.meta.url));
    const config = loadConfig({ DAYLINE_CONFIG: example }, dirWith());
    expect(config.events.map((e) => e.slug)).toEqual(['ukraine-war', 'river-flood-2026']);
  });
});

describe('examples/ukraine-war.yaml', () => {
  it('runs the Russia–Ukraine event with the rules the evaluation measures, and no demo', () => {
    const config = loadConfig({ DAYLINE_CONFIG: 'examples/ukraine-war.yaml' }, repoRoot);
    expect(config).toMatchObject({ demo: false, builtInEvent: false, allowPrivateNetworks: false });
    expect(config.events).toHaveLength(1);
    const [event] = config.events;
    expect(event).toMatchObject({ slug: 'ukraine-war', startDate: '2022-02-24', timeZone: 'Europe/Kyiv' });
    // One definition: the tagging and story evaluation read these very topics and rules.
    expect(event).toEqual(ukraineWar);
    expect(event?.topics.map((t) => t.id)).toEqual([
      'military',
      'diplomacy',
      'humanitarian',
      'economy',
      'international',
      'energy',
      'cyber',
    ]);
    // Rules of every kind came through the YAML: keywords, regexes, exclusions and categories.
    const military = event?.topics.find((t) => t.id === 'military');
    expect(military?.keywords).toContain('conscript*');
    expect(military?.regexes).toEqual(['\\bF-16s?\\b', '\\bshells\\b']);
    expect(military?.exclude).toContain('think tank');
    expect(military?.categories).toContain('Defence');
    // Every label of the evaluation set is one of its topics.
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/tagging.json', import.meta.url), 'utf8')) as {
      items: { topics: string[] }[];
    };
    const ids = new Set(event?.topics.map((t) => t.id));
    for (const item of fixture.items) for (const topic of item.topics) expect(ids).toContain(topic);
  });
});

describe('event visibility', () => {
  it('accepts private events, and nothing but public or private', () => {
    const yaml = validYaml.replace(
      'timeZone: America/New_York',
      'timeZone: America/New_York\n    visibility: private',
    );
    expect(loadConfig({}, dirWith(yaml)).events[0]?.visibility).toBe('private');
    expect(() => loadConfig({}, dirWith(yaml.replace('private', 'secret')))).toThrow(/events\.0\.visibility/);
  });
});

describe('README', () => {
  it('documents every environment option in its configuration table', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    for (const option of [...envOptions, 'LOG_LEVEL'])
      expect(readme).toMatch(new RegExp(`^\\| \`${option}\` `, 'm'));
  });
});
