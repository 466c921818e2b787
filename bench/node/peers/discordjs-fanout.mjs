// The fan-out peer: @discordjs/rest's queue posting the same body to N channels at once, as a bot built
// on discord.js would. Prints one JSON line: the time from the first call to the last answer.
// Arguments: API base (…/api), token, body file, channel count.
import { REST } from '@discordjs/rest';
import { readFileSync } from 'node:fs';

const [api, token, bodyFile, count] = process.argv.slice(2);
const body = JSON.parse(readFileSync(bodyFile, 'utf8'));
const rest = new REST({ api, version: '10' }).setToken(token);
const ids = Array.from({ length: Number(count) }, (_, i) => String(200_000_000_000n + BigInt(i)));
const started = performance.now();
let failed = 0;
await Promise.all(ids.map(id => rest.post(`/channels/${id}/messages`, { body }).catch(() => { failed++; })));
console.log('result ' + JSON.stringify({ channels: ids.length, deliverySeconds: (performance.now() - started) / 1000, failed }));
