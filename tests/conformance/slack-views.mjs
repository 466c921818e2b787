// Slack's official Web API client (@slack/web-api) publishing Home tab views to our fake: views.publish as
// documented (the view sent JSON-encoded in a form, as the client sends it), its refusals as platform errors, and
// its Tier 4 limit as a 429 the client waits out. Usage: node slack-views.mjs <apiUrl ending /api/> <token>
import { WebClient, WebClientEvent, ErrorCode } from '@slack/web-api';

const [apiUrl, token] = process.argv.slice(2);
const quick = { retries: 30, factor: 1, minTimeout: 50, maxTimeout: 50 };
const client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: quick, logLevel: 'error' });
let rateLimited = 0;
client.on(WebClientEvent.RATE_LIMITED, () => { rateLimited++; });

const view = (n) => ({
  type: 'home',
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: 'Election night' } },
    { type: 'section', text: { type: 'mrkdwn', text: '```Labour 51 councils```' } },
    { type: 'context', elements: [{ type: 'plain_text', text: `Updated ${n}` }] },
  ],
});

const published = await client.views.publish({ user_id: 'U0READER1', view: view(0) });

let refused = null;
try {
  await client.views.publish({ user_id: 'U0READER1', view: { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) } });
} catch (e) {
  refused = e.code === ErrorCode.PlatformError ? e.data?.error : `${e.code}`;
}

// More than the fake's burst of 20 at once: the client must meet 429s and ride them out.
const burst = await Promise.all(Array.from({ length: 24 }, (_, n) => client.views.publish({ user_id: `U${n}`, view: view(n) })));

console.log(JSON.stringify({
  ok: published.ok,
  viewId: published.view?.id,
  viewType: published.view?.type,
  refused,
  burstOk: burst.every((r) => r.ok),
  rateLimited,
}));
