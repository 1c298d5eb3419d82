import { describe, expect, it } from '@jest/globals';
import { MemoryInstallationStore } from '@slack/bolt';
import { createLogger } from '../../../src/adapters/logger.js';
import type { InstallConfig } from '../../../src/config.js';
import { installerReceiverOptions } from '../../../src/slack/install/installer.js';

const install: InstallConfig = {
  clientId: '1.2',
  clientSecret: 'secret',
  stateSecret: 's'.repeat(32),
  redirectUri: undefined,
  stateVerification: true,
};
const deps = {
  installations: new MemoryInstallationStore(),
  clientOptions: {},
  logger: createLogger({ destination: { write: () => undefined } }),
};

describe('installerReceiverOptions', () => {
  it("uses Slack's authorize page unless SLACK_API_URL names another Slack (GovSlack, a stand-in)", () => {
    const slack = installerReceiverOptions(install, { ...deps, apiUrl: undefined });
    expect(slack.installerOptions?.authorizationUrl).toBeUndefined();
    const gov = installerReceiverOptions(install, {
      ...deps,
      apiUrl: 'https://slack-gov.com/api/',
    });
    expect(gov.installerOptions?.authorizationUrl).toBe('https://slack-gov.com/oauth/v2/authorize');
  });

  it('serves the redirect at the path of SLACK_REDIRECT_URI and sends that URI to Slack', () => {
    const defaults = installerReceiverOptions(install, { ...deps, apiUrl: undefined });
    expect(defaults.redirectUri).toBeUndefined();
    expect(defaults.installerOptions).toMatchObject({
      installPath: '/slack/install',
      redirectUriPath: '/slack/oauth_redirect',
      directInstall: true,
      stateVerification: true,
    });
    const behindPrefix = installerReceiverOptions(
      { ...install, redirectUri: 'https://example.com/authhelp/slack/oauth_redirect' },
      { ...deps, apiUrl: undefined },
    );
    expect(behindPrefix.redirectUri).toBe('https://example.com/authhelp/slack/oauth_redirect');
    expect(behindPrefix.installerOptions?.redirectUriPath).toBe('/authhelp/slack/oauth_redirect');
  });
});
