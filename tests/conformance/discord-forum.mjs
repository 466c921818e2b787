// Discord's official REST client (@discordjs/rest) against our fake's forums and
// threads: a plain message in a forum is refused with Discord's error; a forum post (thread with its first message)
// is opened, replied in and found again in the server's active threads, then, archived, in the forum's archived ones.
// Usage: node discord-forum.mjs <base url> <bot token> <forum id> <guild id>
import { REST, DiscordAPIError } from '@discordjs/rest';

const [base, token, forum, guild] = process.argv.slice(2);
const rest = new REST({ api: `${base}/api`, version: '10', timeout: 20_000 }).setToken(token);

let refused = null;
try {
  await rest.post(`/channels/${forum}/messages`, { body: { content: 'a plain message', allowed_mentions: { parse: [] } } });
} catch (error) {
  refused = error instanceof DiscordAPIError ? { code: error.code, status: error.status, message: error.message } : { other: String(error) };
}

const channel = await rest.get(`/channels/${forum}`);
const thread = await rest.post(`/channels/${forum}/threads`, {
  body: {
    name: 'Local elections 2024: results',
    auto_archive_duration: 10080,
    message: { content: 'Results below.', allowed_mentions: { parse: [] } },
  },
});
const reply = await rest.post(`/channels/${thread.id}/messages`, {
  body: { embeds: [{ title: 'Labour hold Adur' }], allowed_mentions: { parse: [] }, nonce: 'r1', enforce_nonce: true },
});
const active = await rest.get(`/guilds/${guild}/threads/active`);
const me = await rest.get('/users/@me');

console.log(JSON.stringify({
  refused,
  forumIsForum: channel.type === 15,
  threadId: thread.id,
  threadParent: thread.parent_id,
  threadOwnerIsMe: thread.owner_id === me.id,
  starterId: thread.message?.id,
  replyChannel: reply.channel_id,
  activeHasThread: active.threads.some((t) => t.id === thread.id && t.name === 'Local elections 2024: results'),
}));
