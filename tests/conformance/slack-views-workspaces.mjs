// Slack's official Web API client (@slack/web-api) publishing Home tabs in two workspaces, each with its own bot token
// (as an app installed by OAuth does): Tier 4 is per workspace, so the client meets 429s in the workspace it floods
// and none in the other, and each view comes back as published in its token's workspace.
// Usage: node slack-views-workspaces.mjs <apiUrl ending /api/> <token of workspace A> <token of workspace B>
import { WebClient, WebClientEvent } from '@slack/web-api';

const [apiUrl, tokenA, tokenB] = process.argv.slice(2);
const quick = { retries: 30, factor: 1, minTimeout: 50, maxTimeout: 50 };
const clientFor = (token) => {
  const client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: quick, logLevel: 'error' });
  client.rateLimited = 0;
  client.on(WebClientEvent.RATE_LIMITED, () => { client.rateLimited++; });
  return client;
};
const a = clientFor(tokenA);
const b = clientFor(tokenB);

const view = (text) => ({ type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });

// More than the burst of 20 in workspace A, then B's own burst of 20 while A is still waiting its 429s out.
const floodA = Promise.all(Array.from({ length: 24 }, (_, n) => a.views.publish({ user_id: `U${n}`, view: view(`A ${n}`) })));
const inB = await Promise.all(Array.from({ length: 20 }, (_, n) => b.views.publish({ user_id: `U${n}`, view: view(`B ${n}`) })));
const inA = await floodA;

console.log(JSON.stringify({
  okA: inA.every((r) => r.ok),
  okB: inB.every((r) => r.ok),
  teamA: inA[0].view?.team_id,
  teamB: inB[0].view?.team_id,
  rateLimitedA: a.rateLimited,
  rateLimitedB: b.rateLimited,
}));
