import { record, str } from '../payload-fields.js';

/**
 * Whose bot token answers a request: a workspace, or an Enterprise Grid org when the app is
 * installed org-wide. Plain ids, so a reply owed after the ack can be kept in the store and sent
 * by any instance, which then looks the token up (never stored with the reply).
 */
export interface Workspace {
  readonly teamId?: string;
  readonly enterpriseId?: string;
  /** The org-wide installation answers (keyed by `enterpriseId`), not the workspace's own. */
  readonly isEnterpriseInstall: boolean;
}

/**
 * The workspace a Slack payload comes from, read the way Bolt reads it for `authorize`: events from
 * `authorizations[0]` (else the envelope), slash commands from `team_id`/`enterprise_id`,
 * interactions from `team`/`enterprise` (a modal opened from another workspace of a Slack Connect
 * channel carries `view.app_installed_team_id`). Undefined when the payload names neither id.
 */
export function workspaceOf(body: unknown): Workspace | undefined {
  const b = record(body);
  if (b === undefined) return undefined;
  const ids = b['type'] === 'event_callback' ? eventIds(b) : otherIds(b);
  if (ids.teamId === undefined && ids.enterpriseId === undefined) return undefined;
  return {
    ...(ids.teamId === undefined ? {} : { teamId: ids.teamId }),
    ...(ids.enterpriseId === undefined ? {} : { enterpriseId: ids.enterpriseId }),
    isEnterpriseInstall: ids.isEnterpriseInstall,
  };
}

interface Ids {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
}

function eventIds(b: Record<string, unknown>): Ids {
  const auth = Array.isArray(b['authorizations']) ? record(b['authorizations'][0]) : undefined;
  if (auth !== undefined)
    return {
      teamId: str(auth['team_id']) ?? str(b['team_id']),
      enterpriseId: str(auth['enterprise_id']),
      isEnterpriseInstall: auth['is_enterprise_install'] === true,
    };
  return {
    teamId: str(b['team_id']),
    enterpriseId: str(b['enterprise_id']),
    isEnterpriseInstall: flag(b['is_enterprise_install']),
  };
}

function otherIds(b: Record<string, unknown>): Ids {
  // Slash commands: flat form fields (is_enterprise_install is the string "true").
  if (typeof b['command'] === 'string')
    return {
      teamId: str(b['team_id']),
      enterpriseId: str(b['enterprise_id']),
      isEnterpriseInstall: flag(b['is_enterprise_install']),
    };
  const team = record(b['team']);
  const user = record(b['user']);
  const view = record(b['view']);
  return {
    teamId: str(view?.['app_installed_team_id']) ?? str(team?.['id']) ?? str(user?.['team_id']),
    enterpriseId: str(record(b['enterprise'])?.['id']) ?? str(team?.['enterprise_id']),
    isEnterpriseInstall: flag(b['is_enterprise_install']),
  };
}

function flag(v: unknown): boolean {
  return v === true || v === 'true';
}
