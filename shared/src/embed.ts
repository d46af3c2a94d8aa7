// Plain values only: the embed's browser bundle imports these, and a zod call here would bring zod
// along (embed-query.ts has the schema).

/** How many updates an embed shows when the publisher does not say. */
export const embedDefaultLimit = 10;
/** The most an embed shows: it is a glimpse of the event, the full page has the rest. */
export const embedMaxLimit = 50;
export const embedThemes = ['auto', 'light', 'dark'] as const;
export type EmbedTheme = (typeof embedThemes)[number];

/** What the embed posts to the page around it whenever its height changes (embed.js listens). */
export interface EmbedHeightMessage {
  type: 'dayline:height';
  height: number;
}
export const embedHeightMessageType = 'dayline:height';
