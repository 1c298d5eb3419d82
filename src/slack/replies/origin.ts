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
  /** For log lines: the event id or the action (or callback) id. */
  readonly eventId?: string;
  readonly actionId?: string;
}

export function originOf(body: unknown): Origin {
  const b = record(body) ?? {};
  const view = record(b['view']);
  const responseUrl = str(b['response_url']);
  const event = record(b['event']);
  const user = str(b['user_id']) ?? str(record(b['user'])?.['id']) ?? str(event?.['user']);
  const channel =
    str(b['channel_id']) ?? str(record(b['channel'])?.['id']) ?? str(event?.['channel']);
  const viewId = view?.['type'] === 'modal' ? str(view['id']) : undefined;
  const workspace = workspaceOf(b);
  const eventId = str(b['event_id']);
  const actionId = actionIdOf(b);
  return {
    surface: surfaceOf(b),
    ...(responseUrl === undefined ? {} : { responseUrl }),
    ...(channel === undefined ? {} : { channel }),
    ...(user === undefined ? {} : { user }),
    ...(viewId === undefined ? {} : { viewId }),
    ...(workspace === undefined ? {} : { workspace }),
    ...(eventId === undefined ? {} : { eventId }),
    ...(actionId === undefined ? {} : { actionId }),
  };
}

/** The fields of an origin a log line may carry: ids, never a response_url or a paste. */
export function logFieldsOf(origin: Origin): Record<string, string> {
  const { surface, workspace, user, channel, eventId, actionId, viewId } = origin;
  const fields: Record<string, string | undefined> = {
    surface,
    team: workspace?.teamId,
    enterprise: workspace?.enterpriseId,
    user,
    channel,
    eventId,
    actionId,
    viewId,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

function actionIdOf(b: Record<string, unknown>): string | undefined {
  const actions = b['actions'];
  const first = Array.isArray(actions) ? record(actions[0]) : undefined;
  return (
    str(first?.['action_id']) ??
    str(b['callback_id']) ??
    str(record(b['view'])?.['callback_id']) ??
    str(b['command'])
  );
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
