// Test oracle for the Teams app manifest, run by tests/TeamsPolicyBot.Tests/Manifest.
//   NODE_PATH=tools/node_modules node tests/oracles/manifest.js path/to/manifest.json
// stdout: { "schemaFile": "<bundled schema used>", "errors": ["<instancePath> <message>. Details: ...", ...] }
// Validates offline with the official schemas bundled in @microsoft/app-manifest (its own
// validateAgainstSchema, given the bundled schema so it never fetches one). A $schema URL the
// package does not bundle is reported as an error rather than fetched.
'use strict';

const fs = require('fs');
const path = require('path');
const { AppManifestUtils } = require('@microsoft/app-manifest');

async function main() {
  const manifestPath = process.argv[2];
  if (!manifestPath) throw new Error('usage: node tests/oracles/manifest.js path/to/manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));

  const match = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v[0-9.]+)\/MicrosoftTeams\.schema\.json$/
    .exec(manifest.$schema ?? '');
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = match && path.join(packageRoot, 'build', 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
  if (!schemaFile || !fs.existsSync(schemaFile)) {
    const version = require('@microsoft/app-manifest/package.json').version;
    return { schemaFile: null, errors: [`$schema "${manifest.$schema}" is not a Teams schema bundled with @microsoft/app-manifest ${version}`] };
  }

  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  return { schemaFile: path.relative(packageRoot, schemaFile), errors };
}

main().then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error) => {
    console.error(error.stack ?? String(error));
    process.exit(2);
  });
