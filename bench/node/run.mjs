// The driver behind bench/run: runs every comparison of bench/README.md side by side on this machine,
// alternating the contenders, and writes the figures to bench/RESULTS.md (or --out FILE).
// node bench/node/run.mjs [--smoke] [--only 1,2,...] [--configuration Release|Debug] [--out FILE] [--aot-exe FILE] [--report-only]
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const argv = process.argv.slice(2);
const option = name => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
const smoke = argv.includes('--smoke');
const only = option('--only')?.split(',').map(Number);
const configuration = option('--configuration') ?? 'Release';
// The bot published with Native AOT (bench/run builds it for a full run): the footprint is measured for it too.
const aotExe = option('--aot-exe');
const repo = path.resolve(import.meta.dirname, '..', '..');
const out = path.resolve(option('--out') ?? path.join(repo, 'bench', smoke ? 'RESULTS.smoke.md' : 'RESULTS.md'));
const botDll = path.join(repo, 'src/ResultsBot/bin', configuration, 'net10.0/ResultsBot.dll');
const benchDll = path.join(repo, 'bench/ResultsBot.Benchmarks/bin', configuration, 'net10.0/ResultsBot.Benchmarks.dll');
const peers = path.join(import.meta.dirname, 'peers');
const sample = path.join(repo, 'samples/england-locals-2024');
const paTest = path.resolve(repo, '..', 'shared', 'feeds', 'pa-2026-test');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'resultsbot-bench-'));

// Seconds per measurement, rounds of alternation, sizes. The smoke plan only proves the harness works.
const plan = smoke
  ? { warm: 1, saturate: 1, steady: 1, rounds: 1, connections: 20, channels: 60, ingestRounds: 1, latencyFiles: 5, latencyGapMs: 200, subscriptions: 5000, settle: 1 }
  : { warm: 3, saturate: 10, steady: 10, rounds: 2, connections: 50, channels: 1000, ingestRounds: 21, latencyFiles: 107, latencyGapMs: 1100, subscriptions: 5000, settle: 5 };

const DiscordToken = 'bench-discord-token';
const ApplicationId = '1100000000000000001';
const SlackToken = 'xoxb-fake-0000-bot-token';
const Command = { slack: 'council Thurrock', discord: 'Thurrock' };
const sleep = ms => new Promise(r => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const log = text => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);

// ---------- processes ----------

const running = new Set();

class Proc {
  constructor(name, command, args, options = {}) {
    this.name = name;
    this.lines = [];
    this.waiters = new Set();
    this.stderr = '';
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options, env: { ...process.env, LANG: 'C', DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', ...options.env } });
    running.add(this);
    createInterface({ input: this.child.stdout }).on('line', line => {
      this.lines.push(line);
      for (const waiter of [...this.waiters]) waiter();
    });
    this.child.stderr.on('data', d => { this.stderr = (this.stderr + d).slice(-20000); });
    this.exited = new Promise(resolve => this.child.on('exit', code => { running.delete(this); resolve(code); for (const w of [...this.waiters]) w(); }));
  }

  get pid() { return this.child.pid; }

  get alive() { return this.child.exitCode === null && this.child.signalCode === null; }

  /** The first stdout line from index `from` on that matches, waiting for it. */
  waitLine(match, { from = 0, timeoutMs = 120000 } = {}) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.slice(from).find(match);
        if (found !== undefined) { done(); resolve(found); } else if (!this.alive) { done(); reject(new Error(`${this.name} exited (${this.child.exitCode}); stderr:\n${this.stderr}`)); }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`${this.name}: timed out waiting for output; stderr:\n${this.stderr}`)); }, timeoutMs);
      const done = () => { clearTimeout(timer); this.waiters.delete(check); };
      this.waiters.add(check);
      check();
    });
  }

  async stop() {
    if (this.alive) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.alive && this.child.kill('SIGKILL'), 15000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

const dotnet = (name, dll, args, options) => new Proc(name, 'dotnet', [dll, ...args], options);

async function freePort() {
  return new Promise(resolve => {
    const server = net.createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

async function waitFor(condition, timeoutMs, what) {
  const deadline = now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (now() > deadline) throw new Error('timed out waiting for ' + what);
    await sleep(10);
  }
}

const httpOk = async url => (await fetch(url)).status === 200;

async function metric(base, name) {
  const text = await (await fetch(base + '/metrics')).text();
  const line = text.split('\n').find(l => l.startsWith(name + ' ') || l.startsWith(name + '{'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

class Fake {
  static async start(arrivals = false) {
    const fake = new Fake();
    fake.proc = dotnet('fake-platforms', benchDll, ['fake-platforms', ...(arrivals ? ['--arrivals'] : [])]);
    fake.base = (await fake.proc.waitLine(l => l.startsWith('url '))).slice(4).replace(/\/$/, '');
    return fake;
  }

  async stats() {
    const from = this.proc.lines.length;
    this.proc.child.stdin.write('stats\n');
    return JSON.parse((await this.proc.waitLine(l => l.startsWith('stats '), { from })).slice(6));
  }

  arrivals() {
    return this.proc.lines.filter(l => l.startsWith('arrive ')).map(l => {
      const [, at, channel, ...title] = l.split(' ');
      return { at: Number(at), channel, title: title.join(' ') };
    });
  }

  stop() { this.proc.child.stdin.end(); return this.proc.stop(); }
}

/** The bot as `dotnet ResultsBot.dll` with a web server; Slack over HTTP and Discord's Interactions Endpoint on. */
async function startBot(name, fake, keys, { feed = sample, cwd = fs.mkdtempSync(path.join(work, 'bot-')), extra = [], exe } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [
    `--Feed:Source=${feed}`,
    `--ConnectionStrings:ResultsBot=Data Source=${path.join(cwd, 'bot.db')}`,
    `--Slack:BotToken=${SlackToken}`, '--Slack:Mode=Http', `--Slack:SigningSecret=${keys.slackSecret}`, `--Slack:ApiBaseUrl=${fake.base}/api/`,
    `--Discord:BotToken=${DiscordToken}`, `--Discord:ApplicationId=${ApplicationId}`, '--Discord:Mode=Interactions',
    `--Discord:PublicKey=${keys.discordPublicHex}`, `--Discord:ApiBaseUrl=${fake.base}/api`,
    `--urls=${base}`,
    ...extra,
  ];
  const started = now();
  const proc = exe ? new Proc(name, exe, args, { cwd }) : dotnet(name, botDll, args, { cwd });
  proc.child.stdin.end();
  return { proc, base, cwd, started };
}

// ---------- signed requests ----------

function makeKeys() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    slackSecret: crypto.randomBytes(16).toString('hex'),
    discordPublicHex: Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url').toString('hex'),
    discordPrivate: privateKey,
  };
}

function slackRequest(keys, responseBase) {
  const body = new URLSearchParams({
    token: 'legacy-verification-token', team_id: 'T0FAKETEAM', team_domain: 'bench', channel_id: 'C0BENCH', channel_name: 'results',
    user_id: 'U0BENCH', user_name: 'bench', command: '/results', text: Command.slack, api_app_id: 'A0BENCH', is_enterprise_install: 'false',
    response_url: `${responseBase}/commands/T0FAKETEAM/1/bench`, trigger_id: '1.2.3',
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = 'v0=' + crypto.createHmac('sha256', keys.slackSecret).update(`v0:${ts}:${body}`).digest('hex');
  return { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature } };
}

// Discord never sends an interaction twice, and the bot refuses a replayed one: under load each request is a
// new interaction (its own id, signed afresh), as Discord's would be.
let interactionSeq = 0n;

function discordBody() {
  interactionSeq += 1n;
  return JSON.stringify({
    id: String(1300000000000000001n + interactionSeq * 2n), application_id: ApplicationId, type: 2, token: 'aW50ZXJhY3Rpb24benchtoken', version: 1,
    guild_id: '4001', channel_id: '3001', channel: { id: '3001', type: 0 },
    member: { user: { id: '2001', username: 'user2001', discriminator: '0' }, permissions: '0', roles: [] },
    data: { id: '1300000000000000002', name: 'council', type: 1, options: [{ name: 'name', type: 3, value: Command.discord }] },
  });
}

function signDiscord(keys, body) {
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = crypto.sign(null, Buffer.from(ts + body), keys.discordPrivate).toString('hex');
  return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts };
}

// Signing inside the load generator (an Ed25519 signature per request, about 0.1 ms of the same two cores, in
// autocannon's process) would cap whichever contender outruns the generator and squeeze the ratio towards 1.
// So the interactions are signed before the load starts. ResultsBot takes each once, as Discord sends them
// (more than the pool holds are signed as they go); the peer, which keeps no record of ids, cycles through them.
const MostRequestsPerSecond = 12000;

function signedInteractions(keys, count) {
  return Array.from({ length: count }, () => { const body = discordBody(); return { body, headers: signDiscord(keys, body) }; });
}

function discordRequest(keys, pool = [], contender = { next: 0 }, reuse = false) {
  contender.next ??= 0;
  const fresh = () => {
    if (contender.next < pool.length) return pool[contender.next++];
    if (reuse && pool.length > 0) { contender.next = 0; return pool[contender.next++]; }
    const body = discordBody();
    return { body, headers: signDiscord(keys, body) };
  };
  const first = fresh();
  return {
    method: 'POST', body: first.body, headers: first.headers,
    // autocannon: every request a fresh interaction.
    requests: [{ setupRequest: req => { const signed = fresh(); return { ...req, method: 'POST', body: signed.body, headers: signed.headers }; } }],
  };
}

function cannon(options) {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

const load = r => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts });

// ---------- statistics ----------

const median = values => { const s = [...values].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const percentile = (values, p) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]; };
const f = (n, digits = 0) => (n === undefined || Number.isNaN(n) ? '–' : Number(n).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

// ---------- 1. slash commands over HTTP ----------

async function commands() {
  const keys = makeKeys();
  const fake = await Fake.start();
  const sampleEnv = { SAMPLE: sample };
  const bot = await startBot('ResultsBot', fake, keys);
  await waitFor(async () => (await metric(bot.base, 'resultsbot_declarations_accepted_total')) >= 107, 60000, 'the bot to load the 2024 sample');
  const boltPort = await freePort();
  const bolt = new Proc('bolt', 'node', [path.join(peers, 'slack-bolt.mjs')], { env: { ...sampleEnv, PORT: String(boltPort), SIGNING_SECRET: keys.slackSecret, SLACK_API: `${fake.base}/api/`, SLACK_TOKEN: SlackToken } });
  const expressPort = await freePort();
  const express = new Proc('express', 'node', [path.join(peers, 'discord-express.mjs')], { env: { ...sampleEnv, PORT: String(expressPort), PUBLIC_KEY: keys.discordPublicHex } });
  await Promise.all([bolt.waitLine(l => l === 'ready'), express.waitLine(l => l === 'ready')]);

  let discordPool = [];
  const suites = [
    {
      platform: 'Slack', ours: `${bot.base}/slack/commands`, peerName: '@slack/bolt (HTTPReceiver)', peer: `http://127.0.0.1:${boltPort}/slack/commands`,
      request: () => slackRequest(keys, fake.base), answerOf: text => JSON.parse(text).text ?? JSON.stringify(JSON.parse(text).blocks ?? ''),
    },
    {
      platform: 'Discord', ours: `${bot.base}/discord/interactions`, peerName: 'express + discord-interactions verifyKeyMiddleware', peer: `http://127.0.0.1:${expressPort}/discord/interactions`,
      request: c => (c ? discordRequest(keys, discordPool, c, c.name !== 'ResultsBot') : discordRequest(keys)),
      prepare: () => { const t = now(); discordPool = signedInteractions(keys, (plan.warm + plan.rounds * plan.saturate + plan.rounds * plan.steady / 2) * (smoke ? 1000 : MostRequestsPerSecond)); log(`Discord: ${f(discordPool.length)} interactions signed in ${f((now() - t) / 1000, 1)} s`); }, answerOf: text => JSON.parse(text).data?.content ?? JSON.stringify(JSON.parse(text).data?.embeds ?? ''),
    },
  ];
  const results = [];
  for (const suite of suites) {
    suite.prepare?.();
    const contenders = [{ name: 'ResultsBot', url: suite.ours }, { name: suite.peerName, url: suite.peer }];
    for (const c of contenders) {
      // Both must answer the same signed command correctly before any load, and refuse a forged one.
      const request = suite.request();
      const answer = await fetch(c.url, request);
      const text = await answer.text();
      if (answer.status !== 200 || !suite.answerOf(text).includes('Thurrock')) throw new Error(`${suite.platform} ${c.name} answered ${answer.status}: ${text.slice(0, 300)}`);
      c.answer = suite.answerOf(text).replace(/\s+/g, ' ').slice(0, 120);
      const forged = await fetch(c.url, { ...request, headers: { ...request.headers, 'x-slack-signature': 'v0=' + '0'.repeat(64), 'x-signature-ed25519': '0'.repeat(128) } });
      c.forgedStatus = forged.status;
      log(`${suite.platform}: ${c.name} answers "${c.answer.slice(0, 60)}…"; a forged request gets ${forged.status}`);
      await cannon({ url: c.url, ...suite.request(c), connections: plan.connections, duration: plan.warm });
      c.saturation = [];
      c.steady = [];
    }

    for (let round = 0; round < plan.rounds; round++) {
      for (const c of round % 2 ? [...contenders].reverse() : contenders) {
        const r = load(await cannon({ url: c.url, ...suite.request(c), connections: plan.connections, duration: plan.saturate }));
        log(`${suite.platform} saturation, ${c.name}: ${f(r.rps)} req/s, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
        c.saturation.push(r);
      }
    }

    // The fixed rate: half what the slower contender sustains, so both have headroom and only latency differs.
    const rate = Math.max(10, Math.floor(0.5 * Math.min(...contenders.map(c => median(c.saturation.map(s => s.rps))))));
    for (let round = 0; round < plan.rounds; round++) {
      for (const c of round % 2 ? [...contenders].reverse() : contenders) {
        const r = load(await cannon({ url: c.url, ...suite.request(c), connections: 10, overallRate: rate, duration: plan.steady }));
        log(`${suite.platform} at ${rate} req/s, ${c.name}: p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`);
        c.steady.push(r);
      }
    }

    results.push({ platform: suite.platform, rate, contenders });
  }

  await Promise.all([bot.proc.stop(), bolt.stop(), express.stop(), fake.stop()]);
  return results;
}

// ---------- 2. fan-out ----------

async function fanOut() {
  const bodyFile = path.join(work, 'fanout-body.json');
  const runs = { ours: [], peer: [] };
  const oursOnce = async () => {
    const proc = dotnet('delivery', benchDll, ['delivery', String(plan.channels), '--body', bodyFile]);
    const line = await proc.waitLine(l => l.startsWith('result '), { timeoutMs: 300000 });
    await proc.exited;
    const r = JSON.parse(line.slice(7));
    runs.ours.push(r);
    log(`fan-out ResultsBot: ${f(r.deliverySeconds, 2)} s, landed once ${r.landedOnce}, 429s ${r.rateLimited}`);
  };
  const peerOnce = async () => {
    const fake = await Fake.start();
    const proc = new Proc('discordjs', 'node', [path.join(peers, 'discordjs-fanout.mjs'), `${fake.base}/api`, DiscordToken, bodyFile, String(plan.channels)]);
    const line = await proc.waitLine(l => l.startsWith('result '), { timeoutMs: 300000 });
    await proc.exited;
    const stats = await fake.stats();
    await fake.stop();
    const r = { ...JSON.parse(line.slice(7)), landedOnce: stats.channelsWithOne, rateLimited: stats.rateLimited };
    runs.peer.push(r);
    log(`fan-out @discordjs/rest: ${f(r.deliverySeconds, 2)} s, landed once ${r.landedOnce}, 429s ${r.rateLimited}`);
  };
  for (let round = 0; round < plan.rounds; round++) {
    // ResultsBot goes first in the first round: its run writes the body both post.
    for (const run of round % 2 ? [peerOnce, oursOnce] : [oursOnce, peerOnce]) await run();
  }

  return { channels: plan.channels, minimum: Math.max(0, Math.ceil(plan.channels / 50) - 1), ...runs };
}

// ---------- 3. ingest ----------

async function ingest() {
  const proc = dotnet('ingest', benchDll, ['ingest', sample, paTest, '--rounds', String(plan.ingestRounds)]);
  await proc.exited;
  const rounds = proc.lines.filter(l => l.startsWith('result ')).map(l => JSON.parse(l.slice(7)));
  if (rounds.length === 0) throw new Error('ingest printed nothing; stderr:\n' + proc.stderr);
  const r = { files: rounds[0].files, messages: rounds[0].messages, xmlElements: rounds[0].xmlElements, ingestMs: median(rounds.map(x => x.ingestMs)), ingestMinMs: Math.min(...rounds.map(x => x.ingestMs)), floorMs: median(rounds.map(x => x.floorMs)), allocatedMb: median(rounds.map(x => x.allocatedMb ?? 0)), rounds: rounds.length };
  log(`ingest: ${r.messages} messages from ${r.files} files in ${f(r.ingestMs, 1)} ms; bare XmlReader ${f(r.floorMs, 1)} ms`);
  return r;
}

// ---------- 4. file dropped → first request at the platform ----------

async function latency({ databaseIn = work, count = plan.latencyFiles, extra = [] } = {}) {
  const keys = makeKeys();
  const fake = await Fake.start(true);
  const feed = fs.mkdtempSync(path.join(work, 'watched-'));
  const channel = '900000000000000001';
  const cwd = fs.mkdtempSync(path.join(databaseIn, 'resultsbot-latency-'));
  const bot = await startBot('ResultsBot (latency)', fake, keys, { feed, cwd, extra: [`--Discord:Channels=${channel}`, ...extra] });
  await waitFor(() => httpOk(bot.base + '/readyz'), 60000, 'the bot to be ready');
  const files = fs.readdirSync(sample).filter(n => n.includes('_result_')).sort().slice(0, count);
  const drops = [];
  for (const name of files) {
    const content = fs.readFileSync(path.join(sample, name));
    const council = /<Council name='([^']*)'/.exec(content.toString())[1];
    fs.writeFileSync(path.join(feed, name + '.part'), content);
    const at = now();
    fs.renameSync(path.join(feed, name + '.part'), path.join(feed, name));
    drops.push({ council, at });
    await sleep(plan.latencyGapMs);
  }

  const reached = d => fake.arrivals().some(a => a.at >= d.at - 1 && a.title.includes(d.council));
  await waitFor(async () => drops.every(reached), 30000, 'every declaration to reach the fake').catch(e => log(e.message));
  const claimed = new Set();
  const latencies = [];
  for (const d of drops) {
    const a = fake.arrivals().find(x => !claimed.has(x.at + x.title) && x.at >= d.at - 1 && x.title.includes(d.council));
    if (a) { claimed.add(a.at + a.title); latencies.push(a.at - d.at); }
  }

  const stats = await fake.stats();
  await Promise.all([bot.proc.stop(), fake.stop()]);
  if (databaseIn !== work) fs.rmSync(cwd, { recursive: true, force: true });
  const r = { slowest: [...latencies].sort((a, b) => b - a).slice(0, 5), first: latencies[0], files: drops.length, reached: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), rateLimited: stats.rateLimited, gapMs: plan.latencyGapMs };
  log(`latency: ${r.reached}/${r.files} reached; p50 ${f(r.p50, 1)} ms, p99 ${f(r.p99, 1)} ms`);
  return r;
}

// ---------- 5. footprint ----------

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

// The console draws every picture when it has a folder (by default, beside the database): the 24 November runs
// had no pictures, so each build is also measured with the console's pictures off, to compare like with like.
const ConsolePicturesOff = ['--Subscriptions:0:Channel=console', '--Subscriptions:0:Filter=images off'];

async function footprint() {
  const jit = await footprintOf(undefined);
  const jitOff = await footprintOf(undefined, ConsolePicturesOff);
  return aotExe
    ? { ...jit, picturesOff: jitOff, aot: await footprintOf(aotExe), aotPicturesOff: await footprintOf(aotExe, ConsolePicturesOff) }
    : { ...jit, picturesOff: jitOff };
}

async function footprintOf(exe, extra = []) {
  const keys = makeKeys();
  const fake = await Fake.start();
  const cwd = fs.mkdtempSync(path.join(work, 'footprint-'));
  // First the night: the 2024 sample read and stored, as a bot restarted late on results night has it.
  const first = await startBot('ResultsBot (night)', fake, keys, { cwd, extra });
  await waitFor(async () => (await metric(first.base, 'resultsbot_declarations_accepted_total')) >= 107, 60000, 'the night to load');
  await first.proc.stop();
  // Then 5,000 Discord channels subscribed, as /subscribe leaves them: in the database (configuration is for a
  // few channels; 5,000 entries of Subscriptions:N cost seconds in .NET's configuration binder, see RESULTS.md).
  const subscribe = dotnet('subscribe', benchDll, ['subscribe', path.join(cwd, 'bot.db'), String(plan.subscriptions)]);
  if (await subscribe.exited !== 0) throw new Error('subscribe failed: ' + subscribe.stderr);
  const before = (await fake.stats()).messages;
  const bot = await startBot('ResultsBot (footprint)', fake, keys, { cwd, exe, extra });
  await waitFor(() => httpOk(bot.base + '/readyz'), 60000, 'the bot to be ready');
  const startup = now() - bot.started;
  log(`footprint: ready after ${f(startup)} ms`);
  // This build must answer both platforms' commands right (the Native AOT one included) before it is measured.
  const checks = [
    [`${bot.base}/slack/commands`, slackRequest(keys, fake.base), t => JSON.parse(t).text ?? JSON.stringify(JSON.parse(t).blocks ?? '')],
    [`${bot.base}/discord/interactions`, discordRequest(keys), t => JSON.stringify(JSON.parse(t).data ?? '')],
  ];
  for (const [url, request, answerOf] of checks) {
    const answer = await fetch(url, request);
    const text = await answer.text();
    if (answer.status !== 200 || !answerOf(text).includes('Thurrock')) throw new Error(`footprint${exe ? ' (Native AOT)' : ''}: ${url} answered ${answer.status}: ${text.slice(0, 300)}`);
  }
  // Steady state: a little command traffic, then RSS sampled for a few seconds.
  const traffic = load(await cannon({ url: `${bot.base}/discord/interactions`, ...discordRequest(keys), connections: 4, overallRate: 100, duration: plan.settle }));
  const samples = [];
  for (let i = 0; i < plan.settle * 2; i++) { samples.push(rssMb(bot.proc.pid)); await sleep(500); }
  const afterStats = await fake.stats();
  await Promise.all([bot.proc.stop(), fake.stop()]);
  const r = { startupMs: startup, rssMb: Math.max(...samples), rssMedianMb: median(samples), subscriptions: plan.subscriptions, postsAfterRestart: afterStats.messages - before, commandsNotOk: traffic.non2xx + traffic.errors };
  log(`footprint${exe ? ' (Native AOT)' : ''}${extra.length ? ', console pictures off' : ''}: ready in ${f(r.startupMs)} ms, RSS ${f(r.rssMb, 1)} MB with ${r.subscriptions} subscriptions`);
  return r;
}

// ---------- the report ----------

function machine() {
  const cpus = os.cpus();
  const osName = fs.existsSync('/etc/os-release') ? /PRETTY_NAME="([^"]*)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] : os.platform();
  const runtime = execFileSync('dotnet', ['--list-runtimes'], { encoding: 'utf8' }).split('\n').find(l => l.startsWith('Microsoft.NETCore.App'))?.split(' ')[1];
  const pkg = name => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    cores: cpus.length, cpu: cpus[0]?.model.replace(/\s+/g, ' ').trim(), memoryGb: os.totalmem() / 2 ** 30, os: osName, kernel: os.release(),
    dotnetSdk: execFileSync('dotnet', ['--version'], { encoding: 'utf8' }).trim(), dotnetRuntime: runtime, node: process.version,
    packages: ['@slack/bolt', 'express', 'discord-interactions', '@discordjs/rest', 'autocannon'].map(n => `${n} ${pkg(n)}`).join(', '),
    load: os.loadavg().map(l => l.toFixed(2)).join(' '),
  };
}

const verdict = ok => (ok ? '**met**' : '**missed**');

function report(results, m, started, elapsed) {
  const lines = [];
  const add = (...l) => lines.push(...l);
  add(`# Benchmark results${smoke ? ' (smoke run: seconds per comparison, figures not meaningful)' : ''}`, '',
    `Run ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC, ${f(elapsed / 1000)} s in all, by \`bench/run${smoke ? ' --smoke' : ''}\`.`, '',
    '## Machine', '',
    `- ${m.cores} cores: ${m.cpu}; ${f(m.memoryGb, 1)} GB memory; ${m.os} (Linux ${m.kernel})`,
    `- .NET SDK ${m.dotnetSdk}, runtime ${m.dotnetRuntime} (${configuration} build); Node ${m.node}`,
    `- ${m.packages}`,
    `- load average when the run started: ${m.load} (the machine is shared; the contenders take turns so both see the same background)`, '');

  if (results.commands) {
    add('## 1. Slash commands over HTTP', '',
      `The same signed command (\`/results council Thurrock\` on Slack, \`/council name:Thurrock\` on Discord) answered from the 2024 sample.`,
      `Saturation: autocannon, ${plan.connections} connections, ${plan.saturate} s, ${plan.rounds} rounds alternating the contenders (median shown).`,
      `Fixed rate: half the slower contender's saturation throughput, 10 connections, ${plan.steady} s per round. Load generator and servers share the ${m.cores} cores.`, '',
      '| platform | contender | req/s at saturation | p50 at fixed rate | p99 at fixed rate | fixed rate | non-2xx | forged request |',
      '|---|---|---:|---:|---:|---:|---:|---:|');
    for (const s of results.commands) {
      for (const c of s.contenders) {
        const nonOk = [...c.saturation, ...c.steady].reduce((n, r) => n + r.non2xx + r.errors, 0);
        add(`| ${s.platform} | ${c.name} | ${f(median(c.saturation.map(r => r.rps)))} | ${f(median(c.steady.map(r => r.p50)), 1)} ms | ${f(median(c.steady.map(r => r.p99)), 1)} ms | ${s.rate}/s | ${nonOk} | ${c.forgedStatus} |`);
      }
    }

    add('', '| platform | throughput ratio (target ≥ 3×) | p99 ratio, ours / peer (target ≤ 0.33) |', '|---|---:|---:|');
    for (const s of results.commands) {
      const [ours, peer] = s.contenders;
      const throughput = median(ours.saturation.map(r => r.rps)) / median(peer.saturation.map(r => r.rps));
      const p99 = median(ours.steady.map(r => r.p99)) / Math.max(0.001, median(peer.steady.map(r => r.p99)));
      add(`| ${s.platform} | ${f(throughput, 2)}× ${verdict(throughput >= 3)} | ${f(p99, 2)} ${verdict(p99 <= 1 / 3)} |`);
    }

    add('', 'Answers as sent:', '');
    for (const s of results.commands) for (const c of s.contenders) add(`- ${s.platform}, ${c.name}: “${c.answer}”`);
    add('');
  }

  if (results.fanOut) {
    const r = results.fanOut;
    const row = (name, runs) => {
      const seconds = median(runs.map(x => x.deliverySeconds));
      return `| ${name} | ${f(seconds, 2)} s | ${runs.map(x => f(x.deliverySeconds, 2)).join(', ')} | ${f(seconds / Math.max(1, r.minimum), 3)} | ${Math.min(...runs.map(x => x.landedOnce))} / ${r.channels} | ${Math.max(...runs.map(x => x.rateLimited))} |`;
    };
    const ours = median(r.ours.map(x => x.deliverySeconds));
    const peer = median(r.peer.map(x => x.deliverySeconds));
    add('## 2. Fan-out: one declaration to many Discord channels', '',
      `One declaration (Thurrock) to ${f(r.channels)} channels on the fake, which enforces Discord's limits (50 requests/s global, 5 messages per 5 s per channel) and counts 429s.`,
      `The minimum the limits allow is ${r.minimum} s (the first 50 at once, then 50 a second). ResultsBot: the real outbox (SQLite), per-channel workers and REST client (\`delivery\` mode of the bench program, fake in process).`,
      `@discordjs/rest: one REST instance, every post started at once (\`Promise.all\`), its queue doing the pacing, same body, fake in a separate process.`, '',
      '| contender | median | each round | ratio to the minimum | landed exactly once (worst) | 429s (worst) |', '|---|---:|---|---:|---:|---:|',
      row('ResultsBot', r.ours), row('@discordjs/rest', r.peer), '',
      `Targets: within 5% of the minimum ${verdict(ours <= r.minimum * 1.05)}; zero 429s ${verdict(r.ours.every(x => x.rateLimited === 0))}; no slower than @discordjs/rest ${verdict(ours <= peer * 1.01)} (${f(ours / peer, 3)}× its time). Queueing the ${f(r.channels)} deliveries took ${f(median(r.ours.map(x => x.queueMs)), 0)} ms of ResultsBot's time (outside the figure above).`, '');
  }

  if (results.ingest) {
    const r = results.ingest;
    const rate = r.messages / (r.ingestMs / 1000);
    const floorRate = r.messages / (r.floorMs / 1000);
    add('## 3. Ingest: a whole night read, validated, stored and summarised', '',
      `${r.files} files (the 2024 sample and ../shared/feeds/pa-2026-test), ${r.messages} messages accepted and stored, through the bot's own FeedProcessor with a SQLite file (WAL, synchronous=FULL), the book updated and every post composed and queued (delivering them is comparison 2); median of ${r.rounds} rounds, each from an empty database, after a warm-up round.`,
      'The floor: a bare XmlReader pass (every node read, nothing kept) over the same files, from disk.', '',
      '| pass | time | messages per second |', '|---|---:|---:|',
      `| ResultsBot ingest | ${f(r.ingestMs, 1)} ms (fastest round ${f(r.ingestMinMs, 1)} ms) | ${f(rate)} |`,
      `| bare XmlReader (floor) | ${f(r.floorMs, 1)} ms | ${f(floorRate)} |`, '',
      `ResultsBot allocates ${f(r.allocatedMb, 1)} MB per night ingested.`, '',
      `Ratio ${f(r.ingestMs / r.floorMs, 1)}× the floor: target within 3× ${verdict(r.ingestMs <= 3 * r.floorMs)}.`, '');
  }

  if (results.latency) {
    const r = results.latency;
    add('## 4. Latency: file dropped into the watched folder → first request at the platform', '',
      `${r.files} declarations of the 2024 sample, one every ${r.gapMs} ms (so one channel stays under Discord's 5 per 5 s), each written beside the folder's files and renamed into place;`,
      'the time from the rename to the moment the post\'s request reached the Discord fake (stamped by the fake before it handles the request). Default settings (Feed:PollInterval 2s).', '',
      '| reached | p50 | p99 | max | 429s |', '|---:|---:|---:|---:|---:|',
      `| ${r.reached} / ${r.files} | ${f(r.p50, 1)} ms | ${f(r.p99, 1)} ms | ${f(r.max, 1)} ms | ${r.rateLimited} |`, '',
      `Target p99 under 50 ms ${verdict(r.p99 < 50 && r.reached === r.files)}. The five slowest: ${r.slowest.map(x => f(x, 0)).join(', ')} ms; the first declaration after start (cold code): ${f(r.first, 0)} ms.`, '');
    const o = results.latencyPicturesOff;
    if (o) {
      add('The same with the console\'s pictures off (`Subscriptions:0:Channel=console`, `Subscriptions:0:Filter=images off`): the workload of the 24 November runs, before pictures; the figures above have the console drawing every council\'s chamber on the same cores:', '',
        '| reached | p50 | p99 | max |', '|---:|---:|---:|---:|', `| ${o.reached} / ${o.files} | ${f(o.p50, 1)} ms | ${f(o.p99, 1)} ms | ${f(o.max, 1)} ms |`, '');
    }

    const d = results.latencyWithoutDisk;
    if (d) {
      add('Diagnostic, not a target: the same with the bot\'s database on tmpfs (no fsync cost), first ' + d.files + ' declarations:', '',
        '| reached | p50 | p99 | max |', '|---:|---:|---:|---:|', `| ${d.reached} / ${d.files} | ${f(d.p50, 1)} ms | ${f(d.p99, 1)} ms | ${f(d.max, 1)} ms |`, '');
    }
  }

  if (results.footprint) {
    const r = results.footprint;
    add('## 5. Footprint', '',
      `The bot restarted on a database holding the 2024 night (107 declarations and their posts), with ${f(r.subscriptions)} Discord channels subscribed in it (as /subscribe stores them), Slack (HTTP) and Discord (Interactions) on.`,
      `Start-up: from starting the bot to the first 200 from /readyz. RSS: /proc VmRSS, sampled every 500 ms for ${plan.settle} s after ${plan.settle} s of commands at 100/s.`,
      'Two builds: `dotnet ResultsBot.dll` (the Release build, JIT-compiled: what `dotnet run` runs) and the bot published with Native AOT',
      '(`dotnet publish src/ResultsBot -c Release -r linux-x64 -p:PublishAot=true`, bench/run does it: one native executable, no JIT).',
      'Each also with the console\'s pictures off (`Subscriptions:0:Channel=console`, `Subscriptions:0:Filter=images off`), as in the 24 November runs, before pictures: by default the console draws every picture, and the night\'s bot is stopped as soon as it has stored the night, so the restarted bot draws the console\'s backlog.', '',
      '| build | start-up to ready | steady-state RSS (max) | (median) | posts to Discord after the restart | commands not answered 200 |', '|---|---:|---:|---:|---:|---:|',
      ...[['`dotnet ResultsBot.dll`', r], ['`dotnet ResultsBot.dll`, console pictures off', r.picturesOff], ['Native AOT', r.aot], ['Native AOT, console pictures off', r.aotPicturesOff]].filter(([, x]) => x).map(([build, x]) =>
        `| ${build} | ${f(x.startupMs)} ms | ${f(x.rssMb, 1)} MB | ${f(x.rssMedianMb, 1)} MB | ${x.postsAfterRestart} | ${x.commandsNotOk} |`), '',
      ...[['`dotnet ResultsBot.dll`', r], ['Native AOT', r.aot]].filter(([, x]) => x).map(([build, x]) =>
        `Targets, ${build}: under 100 MB ${verdict(x.rssMb < 100)}; under 1 s to ready ${verdict(x.startupMs < 1000)}.`), '');
  }

  for (const [name, error] of Object.entries(results.errors ?? {})) add(`**${name} failed:** ${String(error).split('\n')[0]}`, '');
  // What was found and fixed along the way, and what the design cannot reach: written by hand, kept beside.
  const findings = path.join(repo, 'bench', 'FINDINGS.md');
  if (!smoke && fs.existsSync(findings)) add(fs.readFileSync(findings, 'utf8').trim(), '');
  add('## Reproduce', '', '```sh', `bench/run${smoke ? ' --smoke' : ''}          # installs the npm packages (bench/node), builds Release, runs everything, writes this file`, 'bench/run --only 2,4    # some comparisons only', '```', '');
  return lines.join('\n');
}

// The same run with the bot's database in memory (tmpfs), to show how much of the tail is the disk's fsync.
// The 24 November workload: no pictures existed, so the console drew none.
async function latencyPicturesOff() {
  return latency({ extra: ConsolePicturesOff });
}

async function latencyWithoutDisk() {
  return fs.existsSync('/dev/shm') ? latency({ databaseIn: '/dev/shm', count: Math.min(plan.latencyFiles, 50) }) : undefined;
}

const comparisons = [[1, 'commands', commands], [2, 'fanOut', fanOut], [3, 'ingest', ingest], [4, 'latency', latency], [4, 'latencyPicturesOff', latencyPicturesOff], [4, 'latencyWithoutDisk', latencyWithoutDisk], [5, 'footprint', footprint]];
// --report-only rewrites the report from the last run's JSON (after FINDINGS.md was edited), measuring nothing.
if (argv.includes('--report-only')) {
  const last = JSON.parse(fs.readFileSync(out.replace(/\.md$/, '') + '.json', 'utf8'));
  fs.writeFileSync(out, report(last.results, last.machine, new Date(last.started), last.elapsedMs));
  log('rewrote ' + out + ' from the run of ' + last.started);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const results = { errors: {} };
const started = new Date();
const machineInfo = machine();
let failed = false;
try {
  for (const [number, name, run] of comparisons) {
    if (only && !only.includes(number)) continue;
    log(`comparison ${number}: ${name}`);
    try {
      results[name] = await run();
    } catch (error) {
      failed = true;
      results.errors[name] = error.stack ?? error;
      log(`${name} failed: ${error.stack ?? error}`);
    }

    for (const proc of [...running]) await proc.stop();
  }
} finally {
  for (const proc of [...running]) await proc.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

const elapsedMs = now() - started.getTime();
fs.writeFileSync(out, report(results, machineInfo, started, elapsedMs));
fs.writeFileSync(out.replace(/\.md$/, '') + '.json', JSON.stringify({ machine: machineInfo, plan, smoke, started, elapsedMs, results }, null, 1));
log('wrote ' + out);
process.exit(failed ? 1 : 0);
