// Slack's official @slack/webhook client against our fake's response_url: the three bodies the bot sends after a button
// press (a new private message, a page in place of the one pressed on, and the private copy removed once shared) must be
// taken as Slack takes them.
// Usage: node slack-response-url.mjs <url for a new message> <url to replace at> <url to delete at>
import { IncomingWebhook } from '@slack/webhook';

const [newUrl, replaceUrl, deleteUrl] = process.argv.slice(2);
const section = (text) => ({ type: 'section', text: { type: 'mrkdwn', text: '```' + text + '```' } });

const fullResult = await new IncomingWebhook(newUrl).send({
  response_type: 'ephemeral',
  replace_original: false,
  text: 'Reform UK gain Thurrock from Labour',
  blocks: [section('Reform UK gain Thurrock from Labour')],
});
console.log(`new message: ${fullResult.text}`);

const page = await new IncomingWebhook(replaceUrl).send({
  response_type: 'ephemeral',
  replace_original: true,
  text: 'Council 120',
  blocks: [
    section('Council 120'),
    { type: 'context', elements: [{ type: 'plain_text', text: 'Page 2 of 2' }] },
    { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Previous' }, action_id: 'page_previous', value: '1:/declared all' }] },
  ],
});
console.log(`replaced: ${page.text}`);

const removed = await new IncomingWebhook(deleteUrl).send({ delete_original: true });
console.log(`deleted: ${removed.text}`);
