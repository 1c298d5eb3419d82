import { apologyMessage, apologyView } from '../blocks/help.js';
import { privately, type Delivery } from './delivery.js';
import { someoneWaits, type Origin } from './origin.js';

/**
 * Where an apology can reach the person waiting, best first: the modal they look at, the
 * response_url, an ephemeral note in the conversation. Empty when nobody waits (events).
 */
export function apologies(origin: Origin): Delivery[] {
  if (!someoneWaits(origin)) return [];
  const out: Delivery[] = [];
  if (origin.viewId !== undefined)
    out.push({ kind: 'update-view', viewId: origin.viewId, view: apologyView() });
  if (origin.responseUrl !== undefined) out.push(privately(origin.responseUrl, apologyMessage()));
  if (origin.channel !== undefined && origin.user !== undefined)
    out.push({
      kind: 'ephemeral',
      channel: origin.channel,
      user: origin.user,
      message: apologyMessage(),
    });
  return out;
}
