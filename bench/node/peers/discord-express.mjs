// The peer for Discord: Discord's own pattern for an Interactions Endpoint, express with
// discord-interactions' verifyKeyMiddleware. PORT, PUBLIC_KEY and SAMPLE come from the environment.
import express from 'express';
import { InteractionResponseType, InteractionType, verifyKeyMiddleware } from 'discord-interactions';
import { loadSample, answerCouncil } from './sample.mjs';

const councils = loadSample(process.env.SAMPLE);
const app = express();

app.post('/discord/interactions', verifyKeyMiddleware(process.env.PUBLIC_KEY), (req, res) => {
  const { type, data } = req.body;
  if (type === InteractionType.PING) return res.send({ type: InteractionResponseType.PONG });
  if (type === InteractionType.APPLICATION_COMMAND && data.name === 'council') {
    const name = data.options?.find(o => o.name === 'name')?.value ?? '';
    return res.send({ type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE, data: { content: answerCouncil(councils, name), allowed_mentions: { parse: [] } } });
  }
  return res.status(400).send({ error: 'unknown command' });
});

app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
