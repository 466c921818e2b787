// Conformance: Discord's official gateway client (@discordjs/ws) against our fake gateway.
// Usage: node discord-ws.mjs <fake base url> <bot token>
// It connects through GET /gateway/bot (via @discordjs/rest pointed at the fake), must receive READY,
// then — when the test sends op 7 — resume on resume_gateway_url, get RESUMED and an INTERACTION_CREATE.
// Prints one JSON line per event; exits 0 when all were seen, 2 on timeout.
import { REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';

const [base, token] = process.argv.slice(2);
if (!base || !token) {
  console.error('usage: node discord-ws.mjs <base url> <token>');
  process.exit(64);
}

const rest = new REST({ api: `${base.replace(/\/$/, '')}/api`, version: '10' }).setToken(token);
const manager = new WebSocketManager({ token, intents: 0, rest });
const seen = { ready: 0, resumed: 0, interactions: [] };
const say = (line) => console.log(JSON.stringify(line));

async function finish(code) {
  clearTimeout(timer);
  say({ event: 'done', ...seen });
  try {
    await manager.destroy({ code: 1000, reason: 'conformance done' });
  } finally {
    process.exit(code);
  }
}

const timer = setTimeout(() => finish(2), 30_000);

function check() {
  if (seen.ready >= 1 && seen.resumed >= 1 && seen.interactions.length >= 1) {
    void finish(0);
  }
}

manager.on(WebSocketShardEvents.Ready, (data) => {
  seen.ready++;
  say({ event: 'ready', session_id: data.session_id, resume_gateway_url: data.resume_gateway_url });
  check();
});
manager.on(WebSocketShardEvents.Resumed, () => {
  seen.resumed++;
  say({ event: 'resumed' });
  check();
});
manager.on(WebSocketShardEvents.Dispatch, (payload) => {
  if (payload.t === 'INTERACTION_CREATE') {
    seen.interactions.push(payload.d.id);
    say({ event: 'interaction', id: payload.d.id, seq: payload.s });
    check();
  }
});
manager.on(WebSocketShardEvents.Closed, (code) => say({ event: 'closed', code }));
manager.on(WebSocketShardEvents.Error, (error) => say({ event: 'error', message: String(error?.message ?? error) }));

await manager.connect();
say({ event: 'connected' });
