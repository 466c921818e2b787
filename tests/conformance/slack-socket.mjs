// Slack's official Socket Mode client against our fake: it must connect, receive and ack the slash
// commands the xunit test injects, and carry on through a refresh_requested disconnect.
// Usage: node slack-socket.mjs <fake base url> <app token> <commands to handle before exiting>
import { SocketModeClient, LogLevel } from '@slack/socket-mode';

const [baseUrl, appToken, wanted = '2'] = process.argv.slice(2);
const want = Number(wanted);
let handled = 0;

const client = new SocketModeClient({
  appToken,
  logLevel: LogLevel.ERROR,
  // Reconnect 2 s after a disconnect rather than 5 (the client waits clientPingTimeout before reconnecting).
  clientPingTimeout: 2000,
  clientOptions: { slackApiUrl: `${baseUrl}/api/` },
});

const giveUp = setTimeout(() => {
  console.error(`timed out after handling ${handled} of ${want} commands`);
  process.exit(1);
}, 60_000);

client.on('connected', () => console.log('connected'));
client.on('reconnecting', () => console.log('reconnecting'));
client.on('slash_commands', async ({ ack, body }) => {
  await ack({ response_type: 'ephemeral', text: `conformance: ${body.text}` });
  handled += 1;
  console.log(`acked ${body.command} ${body.text}`);
  if (handled >= want) {
    clearTimeout(giveUp);
    await client.disconnect();
    process.exit(0);
  }
});

await client.start();
