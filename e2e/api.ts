import type { Update, UpdateInput } from '@dayline/shared';
import { ingestToken } from './server.js';

/** The suite's server, started by global-setup.ts. */
export function serverUrl(): string {
  const url = process.env.DAYLINE_E2E_URL;
  if (!url) throw new Error('DAYLINE_E2E_URL is not set: run the suite through playwright.config.ts');
  return url;
}

/** POSTs through the public API, as an editor's tool would. */
export async function postUpdates<T extends UpdateInput | { items: UpdateInput[] }>(
  event: string,
  input: T,
  baseUrl = serverUrl(),
): Promise<T extends UpdateInput ? Update : { results: { id: string; status: string }[] }> {
  const response = await fetch(`${baseUrl}/api/events/${event}/updates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`POST failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as never;
}
