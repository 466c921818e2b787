// Discord's official REST client (@discordjs/rest) against our fake Discord REST API.
// If the fake's rate-limit headers, error shapes or message objects drifted from Discord's,
// this client would meet 429s, fail requests or read ids wrongly.
// Usage: node discord-rest.mjs <base url> <bot token> <channel,channel,...> <posts per channel>
import { REST } from '@discordjs/rest';

const [base, token, channelList, perChannelText] = process.argv.slice(2);
const channels = channelList.split(',');
const perChannel = Number(perChannelText);

const rest = new REST({ api: `${base}/api`, version: '10', timeout: 20_000 }).setToken(token);
const statuses = {};
rest.on('response', (_request, response) => {
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
});
let rateLimitedEvents = 0;
rest.on('rateLimited', () => { rateLimitedEvents++; });

const body = (channel, n) => ({
  embeds: [{
    title: `Labour gain Council ${n} from Conservatives`,
    description: `A third of the council up: 13 of 39 seats\n${n} of 107 declared`,
    color: 0xE4003B,
    fields: [
      { name: 'Seats won', value: 'Labour 9 (+4), Conservatives 3 (−4)', inline: true },
      { name: 'Council now', value: 'Labour 22, Conservatives 14', inline: true },
    ],
    footer: { text: 'PA Media · 3 May 2024, 03:12 UK time' },
  }],
  allowed_mentions: { parse: [] },
  nonce: `${channel.slice(-4)}-${n}`,
  enforce_nonce: true,
});

const me = await rest.get('/users/@me');
// Every channel's posts at once, as a busy bot would queue them: the client must pace them itself.
const sent = await Promise.all(channels.flatMap((channel) =>
  Array.from({ length: perChannel }, (_, n) => rest.post(`/channels/${channel}/messages`, { body: body(channel, n) }))));

// Resending a nonce returns the first message; an edit and a reply work on what was sent.
const first = sent[0];
const again = await rest.post(`/channels/${channels[0]}/messages`, { body: body(channels[0], 0) });
const edited = await rest.patch(`/channels/${channels[0]}/messages/${first.id}`, {
  body: { embeds: [{ title: 'Correction: Labour hold Council 0' }], allowed_mentions: { parse: [] } },
});
const reply = await rest.post(`/channels/${channels[0]}/messages`, {
  body: { content: 'Correction: Labour hold Council 0', message_reference: { message_id: first.id, fail_if_not_exists: false }, allowed_mentions: { parse: [] } },
});

// Reading the channel back, as the bot does to find a post Discord no longer remembers the nonce of:
// the page after the first message, newest first, and the newest few; a fetched message has no nonce.
const afterFirst = await rest.get(`/channels/${channels[0]}/messages`, { query: new URLSearchParams({ limit: '100', after: first.id }) });
const newest = await rest.get(`/channels/${channels[0]}/messages`, { query: new URLSearchParams({ limit: '5' }) });

// A bad body must come back as Discord's Invalid Form Body error, which the client parses.
let invalid = null;
try {
  await rest.post(`/channels/${channels[0]}/messages`, { body: { content: 'x'.repeat(2001) } });
} catch (error) {
  invalid = { name: error.name, code: error.code, status: error.status, message: error.message };
}

console.log(JSON.stringify({
  me: me.id,
  sent: sent.length,
  ids: sent.map((m) => m.id),
  dedupedToFirst: again.id === first.id,
  editedTitle: edited.embeds[0].title,
  replyTo: reply.message_reference?.message_id ?? null,
  firstId: first.id,
  invalid,
  afterFirst: afterFirst.map((m) => m.id),
  newest: newest.map((m) => m.id),
  fetchedNonces: [...afterFirst, ...newest].filter((m) => m.nonce !== undefined).length,
  replyId: reply.id,
  statuses,
  rateLimitedEvents,
}));
