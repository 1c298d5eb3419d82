import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerActions } from './actions.js';
import { registerCommand } from './command.js';
import { registerHome } from './home.js';
import { registerMessages } from './message.js';
import { registerShortcuts } from './shortcut.js';

export type RegisterListeners = (app: App, deps: SlackDeps) => void;

/** The app's own surfaces; features such as the token inspector add theirs to this list. */
export const CORE_LISTENERS: readonly RegisterListeners[] = [
  registerCommand,
  registerMessages,
  registerShortcuts,
  registerActions,
  registerHome,
];

export function registerListeners(
  app: App,
  deps: SlackDeps,
  extra: readonly RegisterListeners[] = [],
): void {
  for (const register of [...CORE_LISTENERS, ...extra]) register(app, deps);
}
