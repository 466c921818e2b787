// Slack's official Socket Mode client against our fake's "interactive" envelopes (a button pressed): it must
// receive the block_actions payload as Slack sends it, with the pressed action, and ack it.
// Usage: node slack-interactive.mjs <fake base url> <app token>
import { SocketModeClient, LogLevel } from '@slack/socket-mode';

const [baseUrl, appToken] = process.argv.slice(2);

const client = new SocketModeClient({
  appToken,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: `${baseUrl}/api/` },
});

const giveUp = setTimeout(() => {
  console.error('timed out waiting for an interactive envelope');
  process.exit(1);
}, 60_000);

client.on('connected', () => console.log('connected'));
client.on('interactive', async ({ ack, body }) => {
  await ack();
  const action = body.actions?.[0] ?? {};
  console.log(`acked ${body.type} ${action.action_id} ${action.value} from ${body.user?.id} in ${body.channel?.id} with ${body.response_url ? 'a response_url' : 'no response_url'}`);
  clearTimeout(giveUp);
  await client.disconnect();
  process.exit(0);
});

await client.start();
