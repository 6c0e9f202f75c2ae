#!/usr/bin/env node
// Refreshes the fake Discord's copy of Discord's OpenAPI description (tests/fixtures/discord-api-spec/).
//   npm run update-discord-spec -- <commit>          download that commit of discord/discord-api-spec
//   npm run update-discord-spec -- <openapi.json>    copy a local file (its source is recorded as "local")
import fs from 'node:fs';
import path from 'node:path';

const target = path.resolve(import.meta.dirname, '../tests/fixtures/discord-api-spec');
const arg = process.argv[2];
if (!arg || arg === '--help') {
  console.error('usage: npm run update-discord-spec -- <commit of discord/discord-api-spec | path to openapi.json>');
  process.exit(arg ? 0 : 2);
}

function checkSpec(text) {
  const spec = JSON.parse(text);
  if (!spec.openapi || !spec.paths) throw new Error('not an OpenAPI description (no "openapi" or "paths")');
}

async function download(commit) {
  const base = `https://raw.githubusercontent.com/discord/discord-api-spec/${commit}`;
  const get = async (file) => {
    const response = await fetch(`${base}/${file}`);
    if (!response.ok) throw new Error(`${file} at ${commit}: HTTP ${response.status}`);
    return response.text();
  };
  return { spec: await get('specs/openapi.json'), licence: await get('LICENSE') };
}

try {
  const local = fs.existsSync(arg);
  const { spec, licence } = local ? { spec: fs.readFileSync(arg, 'utf8'), licence: null } : await download(arg);
  checkSpec(spec);
  fs.writeFileSync(path.join(target, 'openapi.json'), spec);
  if (licence) fs.writeFileSync(path.join(target, 'LICENSE'), licence);
  const source = {
    repository: 'discord/discord-api-spec',
    path: 'specs/openapi.json',
    commit: local ? `local copy of ${path.resolve(arg)}` : arg,
    date: new Date().toISOString().slice(0, 10),
  };
  fs.writeFileSync(path.join(target, 'source.json'), `${JSON.stringify(source, null, 2)}\n`);
  console.log(`updated ${path.relative(process.cwd(), target)} from ${source.commit}`);
} catch (error) {
  console.error(`update-discord-spec: ${error.message}`);
  process.exit(1);
}
