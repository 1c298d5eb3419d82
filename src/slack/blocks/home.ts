import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { ACTION, BLOCK, COMMAND } from '../ids.js';
import { catalogueHealthBlocks, type HealthSummary } from './catalogue-health.js';
import { button, context, divider, header, section, type Block } from './limits.js';
import { catalogueBlocks } from './list.js';
import { homeTab, type HomeView } from './view.js';

/**
 * The App Home tab: what the app does, its buttons, and the catalogue by system; for maintainers,
 * "Catalogue health" before the catalogue (a long catalogue is what gets cut to fit).
 */
export function homeView(catalogue: Catalogue, health?: HealthSummary | 'unavailable'): HomeView {
  const blocks: Block[] = [
    header('authhelp: auth errors, explained'),
    section(
      [
        'I explain Workday, NetSuite and OAuth 2.0 authentication failures: the documented cause, the fix steps and the source.',
        `• *${COMMAND} &lt;error text&gt;* answers privately wherever you are.`,
        '• In support channels I reply in the thread on my own, but only when a paste matches a documented error.',
        '• On any message: *⋯ → Diagnose auth error*.',
      ].join('\n'),
    ),
    {
      type: 'actions',
      block_id: BLOCK.homeActions,
      elements: [
        button({ actionId: ACTION.testConnection, text: 'Test a connection', style: 'primary' }),
        button({ actionId: ACTION.inspectToken, text: 'Inspect a token' }),
      ],
    },
    ...(health === undefined ? [] : catalogueHealthBlocks(health)),
    divider(),
    ...catalogueBlocks(catalogue),
    context(`${catalogue.size} documented errors · \`${COMMAND} show &lt;id&gt;\` for one of them`),
  ];
  return homeTab(blocks);
}
