import { localDate } from '@dayline/shared';
import type { z } from 'zod';
import type { eventConfigSchema } from '../events/event-config.js';

/**
 * The built-in demo: a fictional conflict between two invented states, Drossland and Arvenia, over
 * the invented Tessel Valley. Every country, town, person and outlet in it is made up for this
 * project, so nothing on the demo page can be taken for real reporting. (The real event Dayline's
 * evaluation measures ships as examples/ukraine-war.yaml.)
 */
export const demoSlug = 'tessel-valley';

/** How many days of history the demo has when a database first runs it: today is day 21. */
export const demoHistoryDays = 21;

const timeZone = 'Europe/Bucharest';

/** Day 1 of the demo for a database that first runs it at `now`: twenty days before today, in the demo's zone. */
export function demoStartDate(now: Date): string {
  const today = localDate(now, timeZone);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1, d - (demoHistoryDays - 1)));
  return start.toISOString().slice(0, 10);
}

/**
 * The built-in event, with day 1 twenty days before `now`. The server keeps the start date the
 * database recorded when it first ran the demo (demo/start.ts), so day numbers stay put.
 */
export function demoEvent(now: Date = new Date()): z.input<typeof eventConfigSchema> {
  return {
    slug: demoSlug,
    title: 'Tessel Valley conflict',
    standfirst:
      'A fictional conflict for the Dayline demo: Drossland’s troops are in Arvenia’s Tessel Valley. Every country, town, person and outlet here is invented.',
    startDate: demoStartDate(now),
    timeZone,
    // Keyword rules written for this invented world. Keywords also match their regular plural or
    // singular; a trailing * matches any ending; `exclude` lists phrases in which they do not count.
    topics: [
      {
        id: 'military',
        label: 'Military',
        color: '#b91c1c',
        keywords: [
          'shelling',
          'shelled',
          'fighting',
          'offensive',
          'counterattack',
          'advance',
          'assault',
          'attack',
          'siege',
          'blockade',
          'strike',
          'struck',
          'explosion',
          'front line',
          'frontline',
          'troops',
          'soldiers',
          'forces',
          'army',
          'navy',
          'brigade',
          'artillery',
          'missile',
          'rocket',
          'drone',
          'tank',
          'armoured',
          'warship',
          'air defence',
          'air raid',
          'recaptured',
          'retaken',
          'withdrew',
          'defence ministry',
          'general staff',
          'mobilis*',
          'reservists',
        ],
        exclude: ['cyber attack', 'heart attack'],
      },
      {
        id: 'diplomacy',
        label: 'Diplomacy',
        color: '#1d4ed8',
        keywords: [
          'talks',
          'negotiat*',
          'mediat*',
          'ceasefire',
          'truce',
          'envoy',
          'delegation',
          'foreign minister',
          'ambassador',
          'embassy',
          'diplomat*',
          'prisoner exchange',
          'framework',
          'Ambrel',
        ],
      },
      {
        id: 'humanitarian',
        label: 'Humanitarian',
        color: '#047857',
        keywords: [
          'civilians',
          'residents',
          'families',
          'children',
          'evacuat*',
          'displaced',
          'fled',
          'fleeing',
          'refugee',
          'shelter',
          'aid',
          'convoy',
          'corridor',
          'hospital',
          'medic*',
          'doctors',
          'injured',
          'killed',
          'wounded',
          'casualties',
          'drinking water',
          'food',
          'schools',
          'pupils',
          'Red Lantern',
          'deminers',
        ],
        exclude: ['military convoy', 'air defence shelter'],
      },
      {
        id: 'economy',
        label: 'Economy',
        color: '#a16207',
        keywords: [
          'economy',
          'economic',
          'markets',
          'mark',
          'currency',
          'central bank',
          'interest rate',
          'inflation',
          'prices',
          'exports',
          'grain',
          'harvest',
          'shipping',
          'insurers',
          'budget',
          'bonds',
          'businesses',
          'queues',
        ],
        exclude: ['mark the', 'marked'],
      },
      {
        id: 'energy',
        label: 'Energy',
        color: '#c2410c',
        keywords: [
          'power',
          'electricity',
          'blackout',
          'grid',
          'substation',
          'dam',
          'hydro*',
          'pipeline',
          'gas',
          'fuel',
          'heating',
          'generators',
          'power station',
        ],
        exclude: ['tear gas', 'power of', 'in power'],
      },
      {
        id: 'international',
        label: 'International response',
        color: '#7c3aed',
        keywords: [
          'Concord Council',
          'Concord of Nations',
          'Northern Compact',
          'Saldera',
          'Salderan',
          'Kestenia',
          'Kestenian',
          'sanctions',
          'allies',
          'pledge*',
          'resolution',
          'international',
          'monitors',
        ],
      },
      {
        id: 'cyber',
        label: 'Cyber',
        color: '#0f766e',
        keywords: [
          'cyber*',
          'hackers',
          'hacked',
          'malware',
          'ransomware',
          'websites',
          'phishing',
          'outage of',
        ],
      },
    ],
  };
}
