// Slack's official OAuth library (@slack/oauth) installing an app through our fake: its install path, the fake's
// consent page, its callback with the state cookie, oauth.v2.access and auth.test. If the fake's OAuth drifts from
// Slack's, this notices. Usage: node slack-oauth.mjs <fake base URL> <client id> <client secret> <team id> <its channel> <another team's channel>
import http from 'node:http';
import { InstallProvider } from '@slack/oauth';
import { WebClient, ErrorCode } from '@slack/web-api';

const [base, clientId, clientSecret, teamId, channel, otherChannel] = process.argv.slice(2);
const apiUrl = new URL('/api/', base).toString();

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
    check(e.code === ErrorCode.PlatformError && e.data?.error === error, `${what}: expected ${error}, got ${e.code} ${e.data?.error ?? e.message}`);
    return;
  }
  check(false, `${what}: expected ${error}, but the call succeeded`);
}

const installer = new InstallProvider({
  clientId,
  clientSecret,
  stateSecret: 'conformance-state-secret',
  directInstall: true,
  authorizationUrl: new URL('/oauth/v2/authorize', base).toString(),
  clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
  logLevel: 'error',
});

let installed;
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/slack/install')) {
    installer.handleInstallPath(req, res, {}, { scopes: ['chat:write', 'commands', 'channels:history'], redirectUri });
  } else if (req.url.startsWith('/slack/oauth_redirect')) {
    installer.handleCallback(req, res, {
      success: (installation, _options, _req, response) => { installed = installation; response.end('installed'); },
      failure: (error, _options, _req, response) => { console.error(`callback failed: ${error.code} ${error.message}`); response.writeHead(500); response.end('failed'); },
    });
  } else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const app = `http://127.0.0.1:${server.address().port}`;
const redirectUri = `${app}/slack/oauth_redirect`;

// The browser: the install path sets the state cookie and sends it to Slack; Slack sends it back with a code.
const install = await fetch(`${app}/slack/install`, { redirect: 'manual' });
check(install.status === 302, `the install path redirects (${install.status})`);
const cookie = install.headers.get('set-cookie').split(';')[0];
const authorize = new URL(install.headers.get('location'));
check(authorize.searchParams.get('client_id') === clientId && authorize.searchParams.get('state'), 'authorize carries the client id and the state');
const consent = await fetch(authorize, { redirect: 'manual' });
check(consent.status === 302, `the consent page redirects back (${consent.status})`);
const back = new URL(consent.headers.get('location'));
check(back.toString().startsWith(redirectUri), `back to the redirect_uri asked for (${back})`);
check(back.searchParams.get('state') === authorize.searchParams.get('state'), 'the state comes back unchanged');
const code = back.searchParams.get('code');
const callback = await fetch(back, { headers: { cookie }, redirect: 'manual' });
check(callback.status === 200 && installed, `the callback installs (${callback.status} ${await callback.text()})`);

check(installed.team?.id === teamId && typeof installed.team?.name === 'string', `the installation names the workspace (${JSON.stringify(installed.team)})`);
check(installed.tokenType === 'bot' && installed.bot?.token?.startsWith('xoxb-'), 'a bot token');
check(typeof installed.bot.userId === 'string' && typeof installed.bot.id === 'string', 'the bot user id (oauth.v2.access) and bot id (auth.test)');
check(installed.bot.scopes.includes('chat:write') && installed.isEnterpriseInstall === false && typeof installed.appId === 'string', 'scopes, not an enterprise install, the app id');

const authorized = await installer.authorize({ teamId, isEnterpriseInstall: false });
check(authorized.botToken === installed.bot.token, 'the installation store gives the token back');
const bot = new WebClient(authorized.botToken, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, logLevel: 'error' });
const me = await bot.auth.test();
check(me.team_id === teamId, `auth.test with the new token is that workspace (${me.team_id})`);
const posted = await bot.chat.postMessage({ channel, text: 'Labour hold Birmingham' });
check(posted.ok, 'the new token posts in its workspace');
await expectError(() => bot.chat.postMessage({ channel: otherChannel, text: 'x' }), 'channel_not_found', 'another workspace\'s channel');

const anonymous = new WebClient(undefined, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, logLevel: 'error' });
await expectError(() => anonymous.oauth.v2.access({ client_id: clientId, client_secret: clientSecret, code }), 'invalid_code', 'a code used twice');
await expectError(() => anonymous.oauth.v2.access({ client_id: clientId, client_secret: 'wrong', code: 'x' }), 'bad_client_secret', 'a wrong client secret');
await expectError(() => anonymous.oauth.v2.access({ client_id: 'nobody', client_secret: clientSecret, code: 'x' }), 'invalid_client_id', 'a wrong client id');

server.close();
console.log(JSON.stringify({ ok: true, team: installed.team.id }));
