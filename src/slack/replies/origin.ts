import { workspaceOf, type Workspace } from '../install/workspace.js';
import { record, str } from '../payload-fields.js';

/**
 * Who is waiting for a reply and where an apology can reach them, read once from the Slack
 * payload; never the payload itself (it carries the paste).
 */
export interface Origin {
  /** `command`, `block_actions`, `view_submission`, `event:message`… for the logs. */
  readonly surface: string;
  readonly responseUrl?: string;
  readonly channel?: string;
  readonly user?: string;
  /** A modal the person is looking at (a view submission or an action inside a modal). */
  readonly viewId?: string;
  /** Whose bot token sends the reply (ids only; the token is looked up when sending). */
  readonly workspace?: Workspace;
}

export function originOf(body: unknown): Origin {
  const b = record(body) ?? {};
  const view = record(b['view']);
  const responseUrl = str(b['response_url']);
  const user = str(b['user_id']) ?? str(record(b['user'])?.['id']);
  const channel = str(b['channel_id']) ?? str(record(b['channel'])?.['id']);
  const viewId = view?.['type'] === 'modal' ? str(view['id']) : undefined;
  const workspace = workspaceOf(b);
  return {
    surface: surfaceOf(b),
    ...(responseUrl === undefined ? {} : { responseUrl }),
    ...(channel === undefined ? {} : { channel }),
    ...(user === undefined ? {} : { user }),
    ...(viewId === undefined ? {} : { viewId }),
    ...(workspace === undefined ? {} : { workspace }),
  };
}

/** Events (channel messages, App Home) have nobody waiting; commands and clicks do. */
export function someoneWaits(origin: Origin): boolean {
  if (origin.surface.startsWith('event:')) return false;
  return (
    origin.responseUrl !== undefined ||
    origin.viewId !== undefined ||
    (origin.channel !== undefined && origin.user !== undefined)
  );
}

function surfaceOf(b: Record<string, unknown>): string {
  if (typeof b['command'] === 'string') return 'command';
  const type = str(b['type']);
  if (type === 'event_callback') return `event:${str(record(b['event'])?.['type']) ?? '?'}`;
  return type ?? 'unknown';
}
