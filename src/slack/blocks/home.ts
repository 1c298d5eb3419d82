import type { types } from '@slack/bolt';
import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { ACTION, BLOCK, COMMAND } from '../ids.js';
import type { Block, ButtonSpec } from './limits.js';
import { LIMITS, button, context, divider, fitBlocks, header, section } from './limits.js';
import { catalogueBlocks } from './list.js';

export type HomeView = types.HomeView;

/** The App Home tab: what the app does, its buttons, and the catalogue by system. */
export function homeView(catalogue: Catalogue, extraButtons: readonly ButtonSpec[] = []): HomeView {
  const blocks: Block[] = [
    header('authhelp: auth errors, explained'),
    section(
      [
        'I explain Workday, NetSuite and OAuth 2.0 authentication failures: the documented cause, the fix steps and the source.',
        `• *${COMMAND} <error text>* answers privately wherever you are.`,
        '• In support channels I reply in the thread on my own, but only when a paste matches a documented error.',
        '• On any message: *⋯ → Diagnose auth error*.',
      ].join('\n'),
    ),
    {
      type: 'actions',
      block_id: BLOCK.homeActions,
      elements: [
        button({ actionId: ACTION.testConnection, text: 'Test a connection', style: 'primary' }),
        ...extraButtons.map(button),
      ],
    },
    divider(),
    ...catalogueBlocks(catalogue),
    context(`${catalogue.size} documented errors · \`${COMMAND} show <id>\` for one of them`),
  ];
  return {
    type: 'home',
    blocks: fitBlocks(
      blocks,
      LIMITS.blocksPerView,
      LIMITS.viewChars,
      'Catalogue shortened to fit Slack',
    ),
  };
}
