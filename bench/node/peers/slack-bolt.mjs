// The peer for Slack: a minimal @slack/bolt app answering /results over HTTP, as Bolt's docs show it.
// PORT, SIGNING_SECRET, SAMPLE, and the Slack Web API fake (SLACK_API, SLACK_TOKEN) come from the environment;
// Bolt calls auth.test once, on the first request, and keeps the answer.
import bolt from '@slack/bolt';
import { loadSample, answerCouncil } from './sample.mjs';

const councils = loadSample(process.env.SAMPLE);
const app = new bolt.App({
  token: process.env.SLACK_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API },
  signingSecret: process.env.SIGNING_SECRET,
  tokenVerificationEnabled: false,
  endpoints: '/slack/commands',
  logLevel: process.env.BOLT_LOG ?? bolt.LogLevel.ERROR,
});

app.command('/results', async ({ command, ack }) => {
  const text = command.text.trim().replace(/^\/?council\s+/i, '');
  await ack({ response_type: 'ephemeral', text: answerCouncil(councils, text) });
});

await app.start(Number(process.env.PORT));
console.log('ready');
