import { auditQuerySchema, type AuditEntry } from '@dayline/shared';
import type { Request, RequestHandler } from 'express';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../access/guards.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { parseInput } from '../validate.js';
import type { Database } from '../store/tables.js';

export interface AuditFilter {
  event?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** Entries older than this id (the `next` of the page before). */
  before?: number | undefined;
  limit: number;
}

/** One entry of the audit log: who did what, when, to what. */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  event?: string | undefined;
  target?: string | undefined;
  details?: unknown;
}

/**
 * Who is making a write and what the audit log calls it. A write through the commit step carries
 * it into its own transaction, which records it only if the write changed something: an entry is
 * never lost to a crash after the commit, and never written for a write that did not happen.
 */
export interface AuditNote {
  actor: string;
  action: string;
  /** What was acted on, when the write does not say (a story, rather than the update changed). */
  target?: string;
  details?: Record<string, unknown>;
}

/**
 * An insert's audit entry, decided in its transaction once it knows what it created: one update
 * created (it is the target), or a batch's counts (`sent`: the items the writer sent, copies found
 * before included). Nothing created, one by one: no entry, as nothing was published.
 */
export interface InsertAudit {
  note: AuditNote;
  at: string;
  event: string;
  sent?: number;
}

export async function auditInsert(
  trx: Transaction<Database>,
  { note, at, event, sent }: InsertAudit,
  created: readonly string[],
): Promise<void> {
  const { actor, action, target, details } = note;
  if (sent === undefined) {
    if (created.length === 0) return;
    await appendAudit(trx, { at, actor, action, event, target: target ?? created[0] });
    return;
  }
  const counts = { ...details, created: created.length, duplicate: sent - created.length };
  await appendAudit(trx, { at, actor, action, event, target, details: counts });
}

/** Appends one entry, on the connection or inside the transaction given. */
export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditRecord,
): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      event: entry.event ?? null,
      target: entry.target ?? null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
}

/** The audit log: appended to, never changed; read newest first. */
export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  record(entry: AuditRecord): Promise<void> {
    return appendAudit(this.db, entry);
  }

  async list(filter: AuditFilter): Promise<{ items: AuditEntry[]; next: number | null }> {
    let query = this.db.selectFrom('audit').selectAll();
    if (filter.event) query = query.where('event', '=', filter.event);
    if (filter.actor) query = query.where('actor', '=', filter.actor);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.before !== undefined) query = query.where('id', '<', filter.before);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    const items = rows.slice(0, filter.limit).map((row) => ({
      id: Number(row.id),
      at: row.at,
      actor: row.actor,
      action: row.action,
      event: row.event,
      target: row.target,
      details: row.details === null ? null : (JSON.parse(row.details) as unknown),
    }));
    return { items, next: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
  }
}

/** Who the guard let through (access/guards.ts), as the audit log names them. */
export function actorName(actor: Actor | undefined): string {
  if (!actor) return 'unknown';
  return actor.kind === 'user' ? actor.name : 'token';
}

interface Answer {
  id?: string;
  name?: string;
  event?: string;
  /** An event's own answer (events/service.ts). */
  slug?: string;
}

/**
 * Records a request that succeeded in the audit log as `action` (a name, or one derived from the
 * request; none: not logged here), with what it answered with and its event, once the answer has
 * gone out: for the writes outside the commit step (accounts, tokens, feeds, events, drafts). A
 * write of updates or stories records its entry in its own transaction instead (AuditNote).
 */
export function audited(
  deps: { store: Store; clock: Clock; logger: Logger },
  action: string | ((req: Request) => string | undefined),
  /** What was acted on, when it is not the answer's or the path's id (users and tokens: their name). */
  targetOf: (req: Request, answer: Answer | undefined) => string | undefined = (req, answer) =>
    answer?.id ?? (req.params.id as string | undefined),
): RequestHandler {
  return (req, res, next) => {
    let answer: Answer | undefined;
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      answer = body as Answer;
      return send(body);
    };
    res.once('finish', () => {
      if (res.statusCode >= 400) return;
      const name = typeof action === 'string' ? action : action(req);
      if (name === undefined) return;
      deps.store.audit
        .record({
          at: deps.clock.now().toISOString(),
          actor: actorName(res.locals.actor as Actor | undefined),
          action: name,
          event: answer?.event ?? (req.params.slug as string | undefined) ?? answer?.slug,
          target: targetOf(req, answer),
        })
        .catch((error: unknown) => deps.logger.error({ err: error }, 'audit log write failed'));
    });
    next();
  };
}

/** GET /api/audit (admins). */
export function auditHandler(store: Store): RequestHandler {
  return async (req, res) => {
    const { event, user, action, before, limit } = parseInput(auditQuerySchema, req.query);
    res.json(await store.audit.list({ event, actor: user, action, before, limit }));
  };
}

/** What a PATCH of an update did, as the audit log names it. */
export function patchAction(body: Record<string, unknown>): string {
  const changed = Object.keys(body).filter((key) => key !== 'correctionNote' && key !== 'version');
  if (changed.length === 1 && changed[0] === 'pinned') return body.pinned ? 'pin' : 'unpin';
  if (changed.length === 1 && changed[0] === 'sticky') return body.sticky ? 'sticky' : 'unsticky';
  if (changed.length === 1 && changed[0] === 'topics') return 'topics';
  return 'correct';
}

/**
 * What a PATCH of an event did, as the audit log names it: closing, reopening, making private or
 * public on their own, else `event.change`.
 */
export function eventPatchAction(req: Request): string {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const changed = Object.keys(body).filter((key) => key !== 'revision');
  if (changed.length === 1 && changed[0] === 'closed') return body.closed ? 'event.close' : 'event.reopen';
  if (changed.length === 1 && changed[0] === 'visibility') return `event.${String(body.visibility)}`;
  return 'event.change';
}

/** Events are named in the audit log by their slugs. */
export const bySlug = (req: Request, answer: { slug?: string; event?: string } | undefined) =>
  (req.params.slug as string | undefined) ?? answer?.slug ?? answer?.event;

/** Users and tokens are named in the audit log by their names. */
export const byName = (req: Request, answer: { name?: string } | undefined) =>
  (req.params.name as string | undefined) ?? answer?.name;

/**
 * What a POST of an update or a save of a draft did, as the audit log names it: `schedule` with a
 * `publishAt`, `draft.save` for a draft; nothing for an update published at once, which the commit
 * step records in its own transaction.
 */
export function draftAction(req: Request): string | undefined {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (body.publishAt !== undefined) return 'schedule';
  if (body.status === 'draft' || req.method === 'PUT') return 'draft.save';
  // Published at once: the commit step records it.
  return undefined;
}
