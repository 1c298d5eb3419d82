import { EVENTS_PATH } from '../../../src/slack/receiver/guarded-receiver.js';

export { ANSWER_CHANNEL_TYPES } from '../../../src/slack/ids.js';

/** Every request URL in the manifest must end in the receiver's one endpoint. */
export const EVENTS_PATH_FOR_MANIFEST = new RegExp(`^https://[^/]+${EVENTS_PATH}$`);
