import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { createLogger } from '../../src/adapters/logger.js';
import { registerListeners } from '../../src/slack/app.js';
import { BOT_SCOPES, REDIRECT_PATH } from '../../src/slack/install/installer.js';
import { registerUninstall } from '../../src/slack/install/uninstall.js';
import { ReplyQueue } from '../../src/slack/replies/queue.js';
import { listenerState } from '../../src/slack/state/listener-state.js';
import { memoryKeyStore } from '../../src/slack/state/memory-keys.js';
import { createCatalogueHealth } from '../../src/slack/learning/health.js';
import { createRecorder } from '../../src/slack/learning/recorder.js';
import { createServices } from '../../src/slack/services.js';
import { ANSWER_CHANNEL_TYPES, EVENTS_PATH_FOR_MANIFEST } from './support/manifest-facts.js';
import { bigCatalogue } from './support/big-catalogue.js';

// Jest 29's ESM runtime has import.meta.url but not import.meta.dirname.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCHEMA = resolve(ROOT, '../shared/slack/manifest.schema.1.0.0.json');

interface Manifest {
  features: {
    slash_commands: { command: string; url: string }[];
    shortcuts: { callback_id: string; type: string }[];
    app_home: { home_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls: string[] };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as Manifest;

/** Scopes each Web API method needs (docs.slack.dev/reference/methods); views.* need none. */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'views.publish': [],
};

/** The bot event and scope behind each kind of conversation the message listener answers in. */
const MESSAGE_EVENTS: Record<string, { event: string; scope: string }> = {
  channel: { event: 'message.channels', scope: 'channels:history' },
  group: { event: 'message.groups', scope: 'groups:history' },
  im: { event: 'message.im', scope: 'im:history' },
  mpim: { event: 'message.mpim', scope: 'mpim:history' },
};

/** Registers the real listeners on a real (never started) App, recording what they subscribe to. */
function registeredSurfaces(): { commands: string[]; shortcuts: string[]; events: string[] } {
  const app = new App({ token: 'xoxb-x', signingSecret: 's', tokenVerificationEnabled: false });
  const seen = { command: [] as string[], shortcut: [] as string[], event: [] as string[] };
  const surface = app as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['command', 'shortcut', 'event'] as const) {
    const original = surface[method]!.bind(app);
    surface[method] = (...args: unknown[]) => {
      const [first] = args;
      const id =
        typeof first === 'object' && first !== null
          ? (first as { callback_id: string }).callback_id
          : first;
      seen[method].push(String(id));
      return original(...args);
    };
  }
  const catalogue = bigCatalogue(1, 1, false);
  const logger = createLogger({ destination: { write: () => undefined } });
  // The same listener list createSlackApp registers.
  const services = createServices({ catalogue, logger, policy: { allowLocalTargets: false } });
  const none = () => Promise.resolve({ recorded: true, textKept: false } as const);
  registerListeners(app, {
    services,
    recorder: createRecorder({
      log: { recordDiagnosis: none, recordFeedback: none },
      services,
      logger,
    }),
    health: createCatalogueHealth({
      learning: { readSince: () => Promise.resolve({ diagnoses: [], feedback: [] }) },
      services,
      maintainers: [],
    }),
    replies: new ReplyQueue({
      send: () => Promise.resolve(),
      onFailure: () => Promise.resolve(),
      keys: memoryKeyStore(),
    }),
    state: listenerState(memoryKeyStore()),
    channels: [],
  });
  // Registered only when installing into many workspaces; subscribed to either way.
  registerUninstall(app, { deleteInstallation: () => Promise.resolve() }, logger);
  return { commands: seen.command, shortcuts: seen.shortcut, events: seen.event };
}

/** Web API methods called anywhere under src/slack (`client.chat.postMessage(` and the like). */
function webApiMethodsUsed(): string[] {
  const dir = join(ROOT, 'src/slack');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  const methods = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/\bclient\.(\w+)\.(\w+)\(/g)) methods.add(`${m[1]}.${m[2]}`);
  }
  return [...methods].sort();
}

describe('manifest.yml', () => {
  const used = registeredSurfaces();

  it('declares every slash command the code registers, pointing at the events URL', () => {
    const declared = manifest.features.slash_commands.map((c) => c.command);
    expect(used.commands.length).toBeGreaterThan(0);
    for (const command of used.commands) expect(declared).toContain(command);
    for (const c of manifest.features.slash_commands)
      expect(c.url).toMatch(EVENTS_PATH_FOR_MANIFEST);
  });

  it('declares every shortcut the code registers, as a message shortcut', () => {
    const declared = manifest.features.shortcuts.map((s) => s.callback_id);
    for (const id of used.shortcuts) expect(declared).toContain(id);
    expect(manifest.features.shortcuts.every((s) => s.type === 'message')).toBe(true);
  });

  it('subscribes to exactly the bot events the listeners need', () => {
    const needed = new Set<string>();
    for (const event of used.events) {
      if (event === 'message')
        for (const type of ANSWER_CHANNEL_TYPES) needed.add(MESSAGE_EVENTS[type]!.event);
      else needed.add(event);
    }
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...needed].sort(),
    );
    expect(manifest.features.app_home.home_tab_enabled).toBe(
      used.events.includes('app_home_opened'),
    );
  });

  it('asks for exactly the bot scopes the code uses, no more', () => {
    const methods = webApiMethodsUsed();
    const unknown = methods.filter((m) => METHOD_SCOPES[m] === undefined);
    expect(unknown).toEqual([]); // add the method's scopes to METHOD_SCOPES
    const needed = new Set(methods.flatMap((m) => METHOD_SCOPES[m] ?? []));
    if (used.commands.length + used.shortcuts.length > 0) needed.add('commands');
    if (used.events.includes('message'))
      for (const type of ANSWER_CHANNEL_TYPES) needed.add(MESSAGE_EVENTS[type]!.scope);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('asks an install through the OAuth flow for the same bot scopes, and redirects to its path', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.oauth_config.redirect_urls).toEqual([
      `https://YOUR-PUBLIC-HOST.example.com${REDIRECT_PATH}`,
    ]);
  });

  it('sends events and interactivity to the one /slack/events URL, as placeholders', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ]) {
      expect(url).toMatch(EVENTS_PATH_FOR_MANIFEST);
      expect(url).toContain('YOUR-PUBLIC-HOST');
    }
  });

  // Slack's schema lives beside the clone (../shared/slack) and is not copied into the repository.
  (existsSync(SCHEMA) ? it : it.skip)(
    "validates against Slack's manifest schema (../shared/slack/manifest.schema.1.0.0.json; skipped when absent)",
    () => {
      const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as object;
      // The schema uses a non-standard `regex` keyword and `format: uri`; neither is enforced here.
      const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
      const validate = ajv.compile(schema);
      const valid = validate(manifest);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );
});
