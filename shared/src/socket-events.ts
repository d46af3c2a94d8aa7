import { z } from 'zod';
import type { ErrorInfo } from './errors.js';
import { slugSchema, topicIdSchema, type Update } from './schemas.js';

/** `subscribe { event, topics?, since? }`: sending it again replaces the subscription. */
export const subscribeSchema = z.strictObject({
  event: slugSchema,
  topics: z.array(topicIdSchema).max(50).optional(),
  since: z.number().int().min(0).optional(),
});
export type SubscribeRequest = z.infer<typeof subscribeSchema>;

export const changeKinds = ['new', 'changed', 'retracted'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** One entry of catch-up, in cursor order. */
export interface Change {
  kind: ChangeKind;
  cursor: number;
  update: Update;
}

/** `desk:join { event }`: a signed-in person's console is open on this event's desk. */
export const deskJoinSchema = z.strictObject({ event: slugSchema });
/** `desk:editing { update }`: the update they have open to change (null: none). */
export const deskEditingSchema = z.strictObject({ update: z.string().min(1).max(100).nullable() });

/** Who is at an event's desk, and what each has open. */
export interface DeskPresence {
  event: string;
  people: { name: string; editing: string | null }[];
}

export type DeskAck = { ok: true } | { ok: false; error: ErrorInfo };

export type SubscribeAck = { ok: true; cursor: number; missed: Change[] } | { ok: false; error: ErrorInfo };

export interface ServerToClientEvents {
  'update:new': (update: Update) => void;
  'update:changed': (update: Update) => void;
  'update:retracted': (update: Update) => void;
  /**
   * Live messages may have been missed (this node lost Redis for a while): send `subscribe` again
   * with `since` to catch up from the store.
   */
  'live:resync': () => void;
  /** To the console: who is at this desk now (on every join, leave and change of what is open). */
  'desk:presence': (presence: DeskPresence) => void;
  /**
   * To the console: the event's drafts changed (saved, submitted, scheduled, deleted, published).
   * It names no draft: each console reads the list again, with what its own role may see.
   */
  'desk:drafts': (change: { event: string }) => void;
  /** To the console: the event's feeds changed (added, edited, removed, or polled: their health). */
  'desk:feeds': (change: { event: string }) => void;
  /**
   * To the console: the event's trained topic model is deciding the topics of updates stored with
   * the rules' only (a bulk import, a retag): `done` of `total` so far. Sent on join while one runs,
   * after every slice, and with `done === total` when it ends.
   */
  'desk:refining': (progress: RefiningProgress) => void;
}

/** A background topic refinement of an event, as the console shows it. */
export interface RefiningProgress {
  event: string;
  done: number;
  total: number;
}

export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  'desk:join': (request: z.input<typeof deskJoinSchema>, ack: (result: DeskAck) => void) => void;
  'desk:editing': (request: z.input<typeof deskEditingSchema>) => void;
}

/** The socket event carrying each kind of change. */
export const eventForChange: Record<ChangeKind, keyof ServerToClientEvents> = {
  new: 'update:new',
  changed: 'update:changed',
  retracted: 'update:retracted',
};
