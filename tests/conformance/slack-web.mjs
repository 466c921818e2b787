// Slack's official Web API client (@slack/web-api) against our fake: if the fake's answers drift from
// what Slack sends, this client notices. Usage: node slack-web.mjs <apiUrl ending /api/> <token> <channel>
import { WebClient, WebClientEvent, ErrorCode } from '@slack/web-api';

const [apiUrl, token, channel] = process.argv.slice(2);

function check(condition, what) {
  if (!condition) {
    console.error(`FAIL: ${what}`);
    process.exit(1);
  }
}

async function expectError(call, error, what) {
  try {
    await call();
  } catch (e) {
    check(e.code === ErrorCode.PlatformError, `${what}: expected a platform error, got ${e.code} ${e.message}`);
    check(e.data?.error === error, `${what}: expected ${error}, got ${e.data?.error}`);
    return e.data;
  }
  check(false, `${what}: expected ${error}, but the call succeeded`);
}

const quick = { retries: 12, factor: 1, minTimeout: 20, maxTimeout: 20 };
const client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: quick, logLevel: 'error' });
let rateLimited = 0;
client.on(WebClientEvent.RATE_LIMITED, () => { rateLimited++; });

const auth = await client.auth.test();
check(auth.ok && typeof auth.user_id === 'string' && typeof auth.team_id === 'string', 'auth.test answers who we are');

const header = (text) => [{ type: 'header', text: { type: 'plain_text', text } }];
const posted = await client.chat.postMessage({
  channel,
  text: 'Labour hold Birmingham',
  blocks: header('Labour hold Birmingham'),
  metadata: { event_type: 'resultsbot_post', event_payload: { delivery_id: '1' } },
  unfurl_links: false,
  unfurl_media: false,
});
check(posted.ok && /^\d{10}\.\d{6}$/.test(posted.ts) && posted.channel === channel, `chat.postMessage gives a ts like Slack's (${posted.ts})`);
check(posted.message?.text === 'Labour hold Birmingham', 'chat.postMessage echoes the message');

const updated = await client.chat.update({ channel, ts: posted.ts, text: 'Labour hold Birmingham (corrected)', blocks: header('Corrected') });
check(updated.ok && updated.ts === posted.ts && updated.text === 'Labour hold Birmingham (corrected)', 'chat.update edits in place');

const note = await client.chat.postMessage({ channel, thread_ts: posted.ts, text: 'Correction: Labour 66 not 65' });
check(note.ok && note.ts > posted.ts, 'threaded note gets a later ts');

const history = await client.conversations.history({ channel, limit: 50, include_all_metadata: true });
check(history.ok && history.messages.length === 1, `history shows the parent only (${history.messages?.length})`);
const parent = history.messages[0];
check(parent.text === 'Labour hold Birmingham (corrected)' && parent.edited, 'history shows the edit');
check(parent.metadata?.event_type === 'resultsbot_post' && parent.metadata?.event_payload?.delivery_id === '1', 'history carries the metadata');
check(parent.reply_count === 1, 'history counts the reply');
const bare = await client.conversations.history({ channel, limit: 50 });
check(bare.messages[0].metadata === undefined, 'no metadata unless asked for');

const thread = await client.conversations.replies({ channel, ts: posted.ts });
check(thread.ok && thread.messages.length === 2 && thread.messages[1].ts === note.ts, 'replies give parent then note');

const doomed = await client.chat.postMessage({ channel, text: 'posted by mistake' });
const deleted = await client.chat.delete({ channel, ts: doomed.ts });
check(deleted.ok && deleted.ts === doomed.ts && deleted.channel === channel, 'chat.delete removes a message');
await expectError(() => client.chat.delete({ channel, ts: doomed.ts }), 'message_not_found', 'delete of a message already gone');

await expectError(() => client.chat.postMessage({ channel: 'C0NOPE', text: 'x' }), 'channel_not_found', 'unknown channel');
await expectError(() => client.chat.update({ channel, ts: '1000000000.000001', text: 'x' }), 'message_not_found', 'update of a missing message');
await expectError(() => client.chat.postMessage({ channel }), 'no_text', 'no text nor blocks');
const invalid = await expectError(
  () => client.chat.postMessage({ channel, text: 'x', blocks: header('x'.repeat(151)) }),
  'invalid_blocks',
  'header over 150');
check(invalid.response_metadata?.messages?.length > 0, 'invalid_blocks says why');

const stranger = new WebClient('xoxb-not-the-token', { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, logLevel: 'error' });
await expectError(() => stranger.auth.test(), 'invalid_auth', 'wrong token');

// More at once than a channel's burst: the fake answers 429 with Retry-After and the client waits and retries.
const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => client.chat.postMessage({ channel, text: `burst ${i}` })));
check(burst.every((r) => r.ok), 'every burst message got through in the end');
check(rateLimited > 0, 'the burst met the rate limit');

// Pictures: filesUploadV2 runs files.getUploadURLExternal, the POST to the upload URL and files.completeUploadExternal.
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const shared = await client.filesUploadV2({
  channel_id: channel,
  file: png,
  filename: 'map.png',
  alt_text: 'A hex map of council control',
  initial_comment: 'The night so far',
});
const sharedFile = shared.files?.[0]?.files?.[0];
check(shared.ok && typeof sharedFile?.id === 'string', `filesUploadV2 into the channel gives the file (${JSON.stringify(shared.files)})`);

const unshared = await client.filesUploadV2({ file: png, filename: 'chamber.png', alt_text: 'Thurrock as a hemicycle' });
const privateFile = unshared.files?.[0]?.files?.[0];
check(unshared.ok && typeof privateFile?.id === 'string', 'filesUploadV2 without a channel keeps the file private');
const withImage = await client.chat.postMessage({
  channel,
  text: 'Labour gain Thurrock',
  blocks: [...header('Labour gain Thurrock'), { type: 'image', slack_file: { id: privateFile.id }, alt_text: 'Thurrock as a hemicycle' }],
});
check(withImage.ok, 'an image block shows the uploaded file by id');
await expectError(
  () => client.chat.postMessage({ channel, text: 'x', blocks: [{ type: 'image', slack_file: { id: 'F0NOSUCHFILE' }, alt_text: 'x' }] }),
  'invalid_blocks',
  'an image block naming no uploaded file');

console.log(JSON.stringify({ ok: true, rateLimited }));
