// Discord's official REST client (@discordjs/rest) uploading files to our fake Discord, as "Uploading Files"
// describes: multipart/form-data with payload_json and files[n], an embed showing attachment://map.png, alt
// text as attachment descriptions, an edit that replaces the picture, and an interaction answered with one.
// If the fake read multipart differently from Discord, this client's requests would fail or lose the files.
// Usage: node discord-rest-files.mjs <base url> <bot token> <channel> <application id> <interaction id> <interaction token>
import { REST } from '@discordjs/rest';

const [base, token, channel, applicationId, interactionId, interactionToken] = process.argv.slice(2);
const rest = new REST({ api: `${base}/api`, version: '10', timeout: 20_000 }).setToken(token);
const statuses = {};
rest.on('response', (_request, response) => {
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
});

// A PNG signature and a few bytes: enough for the client to tell the type, as it does for real pictures.
const png = (fill, length) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(length, fill)]);
const map = png(1, 3000);
const chamber = png(2, 2000);

const post = {
  embeds: [{ title: 'Labour gain Thurrock from Conservatives', color: 0xE4003B, image: { url: 'attachment://map.png' } }],
  attachments: [{ id: 0, description: 'Map of council control: Labour 7, Conservatives 3' }],
  allowed_mentions: { parse: [] },
  nonce: 'files-1',
  enforce_nonce: true,
};
const sent = await rest.post(`/channels/${channel}/messages`, { body: post, files: [{ name: 'map.png', data: map }] });
const again = await rest.post(`/channels/${channel}/messages`, { body: post, files: [{ name: 'map.png', data: map }] });

// A correction replaces the picture: the attachments list names only the new file.
const edited = await rest.patch(`/channels/${channel}/messages/${sent.id}`, {
  body: {
    embeds: [{ title: 'Correction: Labour hold Thurrock', image: { url: 'attachment://chamber.png' } }],
    attachments: [{ id: 0, filename: 'chamber.png', description: "Thurrock's new council of 49 seats" }],
  },
  files: [{ name: 'chamber.png', data: chamber }],
});

// An answer to /map with its picture, in the interaction callback itself; then a follow-up and an edit of @original with files.
await rest.post(`/interactions/${interactionId}/${interactionToken}/callback`, {
  body: { type: 4, data: { content: '12 of 107 councils declared', attachments: [{ id: 0, description: 'Map of council control' }], allowed_mentions: { parse: [] } } },
  files: [{ name: 'map.png', data: map }],
  auth: false,
});
const followUp = await rest.post(`/webhooks/${applicationId}/${interactionToken}`, {
  body: { content: 'and the chart', attachments: [{ id: 0, description: 'Net change by party' }] },
  files: [{ name: 'chart.png', data: chamber }],
  auth: false,
});
const originalEdit = await rest.patch(`/webhooks/${applicationId}/${interactionToken}/messages/@original`, {
  body: { attachments: [{ id: 0, filename: 'map.png', description: 'Map of council control, updated' }] },
  files: [{ name: 'map.png', data: map }],
  auth: false,
});

// What Discord refuses, the client must see as Discord's errors.
const refusal = async (body, files) => {
  try {
    await rest.post(`/channels/${channel}/messages`, { body, files });
    return null;
  } catch (error) {
    return { name: error.name, code: error.code, status: error.status };
  }
};
const missingFile = await refusal({ embeds: [{ title: 'x', image: { url: 'attachment://nothing.png' } }] }, [{ name: 'map.png', data: map }]);
const tooBig = await refusal({ content: 'x' }, [{ name: 'big.png', data: png(3, 10 * 1024 * 1024) }]);

console.log(JSON.stringify({
  sentId: sent.id,
  dedupedToFirst: again.id === sent.id,
  sentAttachments: sent.attachments.map((a) => ({ filename: a.filename, description: a.description, size: a.size, content_type: a.content_type })),
  editedAttachments: edited.attachments.map((a) => ({ filename: a.filename, description: a.description, size: a.size })),
  editedImage: edited.embeds[0].image?.url ?? null,
  followUpAttachments: followUp.attachments.map((a) => a.filename),
  originalEditAttachments: originalEdit.attachments.map((a) => a.filename),
  missingFile,
  tooBig,
  statuses,
}));
