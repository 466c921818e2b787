// What a team building on the official SDKs would write to answer "/council NAME": the 2024 sample read
// once at start into a map, and a plain-text answer (party seats won and the council now). Kept simple
// on purpose: the peers get the cheapest honest answer, not ResultsBot's forgiving lookup.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const attr = (tag, name) => (tag.match(new RegExp(`${name}='([^']*)'`)) ?? [])[1];

export function loadSample(folder) {
  const councils = new Map();
  for (const file of readdirSync(folder).filter(f => f.endsWith('.xml'))) {
    const xml = readFileSync(join(folder, file), 'utf8');
    const council = xml.match(/<Council [^>]*>/);
    if (!council) continue;
    const seats = block => [...(xml.match(new RegExp(`<${block}>([\\s\\S]*?)</${block}>`)) ?? ['', ''])[1]
      .matchAll(/<Party [^>]*>/g)].map(m => `${attr(m[0], 'name')} ${attr(m[0], 'seats')}`);
    councils.set(attr(council[0], 'name').toLowerCase(), {
      name: attr(council[0], 'name'),
      winner: attr(council[0], 'winningParty'),
      call: attr(council[0], 'gainOrHold'),
      won: seats('ElectedCouncillors'),
      now: seats('NewCouncil'),
    });
  }
  return councils;
}

export function answerCouncil(councils, name) {
  const c = councils.get(name.trim().toLowerCase());
  if (!c) return `I don't know a council called ${name.replace(/[^\w\s'&.,()-]/g, '').slice(0, 60)}.`;
  return `${c.name}: ${c.winner} ${c.call}. Seats won: ${c.won.join(', ')}. Council now: ${c.now.join(', ')}.`;
}
