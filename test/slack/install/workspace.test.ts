import { describe, expect, it } from '@jest/globals';
import { workspaceOf } from '../../../src/slack/install/workspace.js';
import { originOf } from '../../../src/slack/replies/origin.js';

describe('workspaceOf', () => {
  it('reads a slash command (form fields; is_enterprise_install is a string)', () => {
    const body = {
      command: '/authhelp',
      team_id: 'T1',
      enterprise_id: 'E1',
      is_enterprise_install: 'true',
    };
    expect(workspaceOf(body)).toEqual({
      teamId: 'T1',
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
    });
    expect(
      workspaceOf({ command: '/authhelp', team_id: 'T2', is_enterprise_install: 'false' }),
    ).toEqual({
      teamId: 'T2',
      isEnterpriseInstall: false,
    });
  });

  it('reads an event from authorizations[0], the installation Slack authorised it for', () => {
    const body = {
      type: 'event_callback',
      team_id: 'T9',
      authorizations: [
        { team_id: 'T1', enterprise_id: 'E1', is_enterprise_install: true, user_id: 'UBOT' },
      ],
    };
    expect(workspaceOf(body)).toEqual({
      teamId: 'T1',
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
    });
    // An org-wide authorization has no team: the envelope's team id is kept for team_id on calls.
    const org = {
      type: 'event_callback',
      team_id: 'T9',
      enterprise_id: 'E1',
      authorizations: [{ team_id: null, enterprise_id: 'E1', is_enterprise_install: true }],
    };
    expect(workspaceOf(org)).toEqual({
      teamId: 'T9',
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
    });
  });

  it('reads an event without authorizations from the envelope', () => {
    expect(workspaceOf({ type: 'event_callback', team_id: 'T3', enterprise_id: null })).toEqual({
      teamId: 'T3',
      isEnterpriseInstall: false,
    });
  });

  it('reads interactions from team and enterprise, or the user when team is null (org-wide)', () => {
    expect(
      workspaceOf({
        type: 'block_actions',
        team: { id: 'T1', enterprise_id: 'E1' },
        user: { id: 'U1', team_id: 'T1' },
        is_enterprise_install: false,
      }),
    ).toEqual({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false });
    expect(
      workspaceOf({
        type: 'message_action',
        team: null,
        enterprise: { id: 'E1' },
        user: { id: 'U1', team_id: 'T4' },
        is_enterprise_install: true,
      }),
    ).toEqual({ teamId: 'T4', enterpriseId: 'E1', isEnterpriseInstall: true });
  });

  it('prefers view.app_installed_team_id for a modal opened from another workspace', () => {
    const body = {
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: 'U1', team_id: 'T1' },
      view: { id: 'V1', type: 'modal', app_installed_team_id: 'T7' },
    };
    expect(workspaceOf(body)).toEqual({ teamId: 'T7', isEnterpriseInstall: false });
  });

  it('is undefined when the payload names no workspace, and the origin then has none', () => {
    expect(workspaceOf({ type: 'block_actions', user: { id: 'U1' } })).toBeUndefined();
    expect(workspaceOf('junk')).toBeUndefined();
    expect(originOf({ type: 'block_actions', user: { id: 'U1' } }).workspace).toBeUndefined();
    expect(originOf({ command: '/authhelp', team_id: 'T1', user_id: 'U1' }).workspace).toEqual({
      teamId: 'T1',
      isEnterpriseInstall: false,
    });
  });
});
