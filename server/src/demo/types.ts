/** One piece of demo content, written for this project. */
export interface DemoUpdate {
  /** Headline, at most 140 characters. */
  title: string;
  /** One or two sentences, at most 400 characters. */
  summary: string;
  /** Outlet name and its home page, e.g. https://northern-wire.example.org/ */
  source: { name: string; url: string };
  /** Article link on the outlet's reserved domain. */
  url: string;
  /** Optional fictional byline. */
  author?: string;
  /** ISO 8601 UTC instant, e.g. "2022-03-16T21:30:00Z". */
  publishedAt: string;
  /** One or two topic ids: military, diplomacy, humanitarian, economy, international, energy, cyber. */
  topics: string[];
}
