#!/usr/bin/env node
// Builds the Teams app package (manifest.json + color.png + outline.png in a zip) from
// manifest/manifest.json, filling its {{PLACEHOLDERS}} from NAME=value arguments or environment
// variables of the same name (arguments win).
//
//   BOT_ID=<guid> BOT_DOMAIN=<app>.azurewebsites.net node manifest/build.mjs [--out path.zip]
//
// BOT_ID       the bot's Microsoft App ID (for a managed-identity bot: the identity's client ID)
// BOT_DOMAIN   host name the bot is served from, e.g. policybot-oakfield.azurewebsites.net
// APP_ID       the Teams app's own ID; defaults to BOT_ID
// DEVELOPER_NAME, DEVELOPER_WEBSITE_URL, PRIVACY_URL, TERMS_OF_USE_URL
//              shown to staff in the app's details; default to the trust's bot site
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const hostName = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

function fail(message) {
  console.error(`manifest/build.mjs: ${message}`);
  process.exit(1);
}

function readSettings(args) {
  const settings = {};
  let out = join(here, 'appPackage.zip');
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && i + 1 < args.length) out = resolve(args[++i]);
    else if (/^[A-Z_]+=/.test(args[i])) {
      const at = args[i].indexOf('=');
      settings[args[i].slice(0, at)] = args[i].slice(at + 1);
    } else fail(`unknown argument "${args[i]}"; pass NAME=value or --out path.zip`);
  }
  const value = (name) => (settings[name] ?? process.env[name] ?? '').trim();

  const botId = value('BOT_ID');
  if (!botId) fail('BOT_ID is required: the bot\'s Microsoft App ID, e.g. BOT_ID=00000000-0000-0000-0000-000000000000');
  if (!guid.test(botId)) fail(`BOT_ID must be a GUID, got "${botId}"`);
  const botDomain = value('BOT_DOMAIN');
  if (!botDomain) fail('BOT_DOMAIN is required: the host name the bot is served from, e.g. BOT_DOMAIN=policybot.azurewebsites.net');
  if (!hostName.test(botDomain)) fail(`BOT_DOMAIN must be a host name without scheme or path, got "${botDomain}"`);
  const appId = value('APP_ID') || botId;
  if (!guid.test(appId)) fail(`APP_ID must be a GUID, got "${appId}"`);

  const site = `https://${botDomain}/`;
  const withDefault = (name, fallback) => {
    if (value(name)) return value(name);
    console.error(`manifest/build.mjs: ${name} not set; using "${fallback}"`);
    return fallback;
  };
  const values = {
    BOT_ID: botId,
    BOT_DOMAIN: botDomain,
    APP_ID: appId,
    DEVELOPER_NAME: withDefault('DEVELOPER_NAME', 'School trust'),
    DEVELOPER_WEBSITE_URL: withDefault('DEVELOPER_WEBSITE_URL', site),
    PRIVACY_URL: withDefault('PRIVACY_URL', site),
    TERMS_OF_USE_URL: withDefault('TERMS_OF_USE_URL', site),
  };
  for (const name of ['DEVELOPER_WEBSITE_URL', 'PRIVACY_URL', 'TERMS_OF_USE_URL']) {
    if (!/^https:\/\/\S+$/.test(values[name])) fail(`${name} must be an https URL, got "${values[name]}"`);
  }
  return { values, out };
}

function fillPlaceholders(template, values) {
  const text = template.replace(/\{\{([A-Z_]+)\}\}/g, (placeholder, name) => {
    if (!(name in values)) fail(`manifest.json has a placeholder this script does not fill: ${placeholder}`);
    // Values land inside JSON strings.
    return JSON.stringify(values[name]).slice(1, -1);
  });
  JSON.parse(text);
  return text;
}

/** A zip archive of the given files, deflated, with a fixed timestamp so the same input gives the same bytes. */
function zip(files) {
  const dosDate = (1 << 5) | 1; // 1980-01-01
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const { values, out } = readSettings(process.argv.slice(2));
const manifest = fillPlaceholders(readFileSync(join(here, 'manifest.json'), 'utf8'), values);
const { icons } = JSON.parse(manifest);
const files = [
  { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
  { name: icons.color, data: readFileSync(join(here, icons.color)) },
  { name: icons.outline, data: readFileSync(join(here, icons.outline)) },
];
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip(files));
console.log(`Wrote ${out} (app ${values.APP_ID}, bot ${values.BOT_ID})`);
