import type { Update, UpdateInput, UpdatePatch } from '@dayline/shared';
import { expect, type Page } from '@playwright/test';
import { ingestToken } from '../server.js';

/** A write through the public API, as an editor's tool would make it. */
async function write<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export function postOne(baseUrl: string, event: string, input: UpdateInput): Promise<Update> {
  return write(baseUrl, 'POST', `/api/events/${event}/updates`, input);
}

/** Posts a batch and returns the ids in the order given. */
export async function postMany(baseUrl: string, event: string, items: UpdateInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < items.length; i += 500) {
    const { results } = await write<{ results: { id?: string; status: string }[] }>(
      baseUrl,
      'POST',
      `/api/events/${event}/updates`,
      { items: items.slice(i, i + 500) },
    );
    for (const result of results) {
      if (!result.id) throw new Error(`an item was rejected: ${JSON.stringify(result)}`);
      ids.push(result.id);
    }
  }
  return ids;
}

export function patchUpdate(baseUrl: string, id: string, patch: UpdatePatch): Promise<Update> {
  return write(baseUrl, 'PATCH', `/api/updates/${encodeURIComponent(id)}`, patch);
}

export function retractUpdate(baseUrl: string, id: string, reason?: string): Promise<Update> {
  return write(baseUrl, 'DELETE', `/api/updates/${encodeURIComponent(id)}`, reason ? { reason } : {});
}

/** `count` updates, one an hour backwards from `newest`, titled `${prefix} N` (N = 1 is the newest). */
export function hourly(
  count: number,
  newest: string,
  prefix: string,
  extra: Partial<UpdateInput> = {},
): UpdateInput[] {
  const start = Date.parse(newest);
  return Array.from({ length: count }, (_, i) => ({
    title: `${prefix} ${i + 1}`,
    summary: `Body of ${prefix.toLowerCase()} ${i + 1}.`,
    publishedAt: new Date(start - i * 3600_000).toISOString(),
    source: { name: 'E2E Wire' },
    ...extra,
  }));
}

export interface CardInfo {
  id: string;
  title: string;
  status: string;
}

/** The cards on the page in order: id, visible title and status. */
export function cardsOf(page: Page): Promise<CardInfo[]> {
  return page.getByTestId('update-card').evaluateAll((cards) =>
    cards.map((card) => ({
      id: card.getAttribute('data-id') ?? '',
      title: card.querySelector('h3')?.textContent?.trim() ?? '',
      status: card.getAttribute('data-status') ?? '',
    })),
  );
}

/** Waits until the page is subscribed and showing cards. */
export async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('connection')).toHaveText('Live');
  await expect(page.getByTestId('update-card').first()).toBeVisible();
}
