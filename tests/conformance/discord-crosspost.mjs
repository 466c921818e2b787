// Discord's official REST client (@discordjs/rest) publishing (crossposting) in announcement channels of our
// fake. If the fake's crosspost route, its error codes or its hour-long publish limit (headers, 429 body)
// drifted from Discord's, this client would publish wrongly, misread errors or not see the limit.
// Usage: node discord-crosspost.mjs <base url> <bot token> <announcement channel> <text channel> <held announcement channel>
import { REST, DiscordAPIError, RateLimitError } from '@discordjs/rest';

const [base, token, announcement, text, held] = process.argv.slice(2);

// Refuse, rather than sleep for, any publish wait over a minute: the error carries what the client read.
const rest = new REST({
  api: `${base}/api`,
  version: '10',
  timeout: 20_000,
  rejectOnRateLimit: (data) => data.route.includes('crosspost') && Math.max(data.timeToReset, data.retryAfter) > 60_000,
}).setToken(token);
const statuses = {};
rest.on('response', (_request, response) => {
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
});

const post = (channel, title) => rest.post(`/channels/${channel}/messages`, {
  body: { embeds: [{ title }], allowed_mentions: { parse: [] } },
});
const failure = async (call) => {
  try {
    await call();
    return null;
  } catch (error) {
    if (error instanceof RateLimitError) {
      return { kind: 'rateLimit', retryAfter: error.retryAfter, timeToReset: error.timeToReset, limit: error.limit, global: error.global, scope: error.scope ?? null };
    }

    if (error instanceof DiscordAPIError) {
      return { kind: 'api', code: error.code, status: error.status, message: error.message };
    }

    throw error;
  }
};

const channel = await rest.get(`/channels/${announcement}`);
const plain = await rest.get(`/channels/${text}`);
const first = await post(announcement, 'Half of councils declared');
const published = await rest.post(`/channels/${announcement}/messages/${first.id}/crosspost`);
const again = await failure(() => rest.post(`/channels/${announcement}/messages/${first.id}/crosspost`));
// The limit (two a window in this run) is now spent: an edit of the published message is refused.
const edit = await failure(() => rest.patch(`/channels/${announcement}/messages/${first.id}`, {
  body: { embeds: [{ title: 'Correction: half of councils declared' }], allowed_mentions: { parse: [] } },
}));
const second = await post(announcement, 'Labour gain Thurrock from Conservatives');
// The client learned the bucket from the headers: it knows to wait the hour without asking.
const ahead = await failure(() => rest.post(`/channels/${announcement}/messages/${second.id}/crosspost`));
const inText = await post(text, 'Labour hold Adur');
const wrongType = await failure(() => rest.post(`/channels/${text}/messages/${inText.id}/crosspost`));
const unknown = await failure(() => rest.post(`/channels/${text}/messages/1/crosspost`));
// A channel whose limit other publishers spent: the client learns it from Discord's 429.
const inHeld = await post(held, 'Reform UK gain Thurrock from Labour');
const limited = await failure(() => rest.post(`/channels/${held}/messages/${inHeld.id}/crosspost`));

console.log(JSON.stringify({
  types: [channel.type, plain.type],
  publishedId: published.id,
  firstId: first.id,
  publishedFlags: published.flags,
  again,
  edit,
  ahead,
  wrongType,
  unknown,
  limited,
  statuses,
}));
// The client keeps timers for the hour-long buckets it learned; the run is over.
process.exit(0);
