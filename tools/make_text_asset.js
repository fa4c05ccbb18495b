#!/usr/bin/env node
// Writes the character language model's text: Jane Austen's "Pride and
// Prejudice" (1813, public domain; Project Gutenberg's edition) as shipped in
// Debian's r-cran-janeaustenr (MIT licence) inside R's lazy-load database
// data/Rdata.rdb. tools/setup.sh unpacks that package into
// third_party/janeaustenr.
//
// Output: plain ASCII text, one paragraph per line. The book's hard line
// wraps are joined with spaces, and underscores (Gutenberg's italics marks)
// are dropped, so the model learns prose rather than typesetting.
// Usage: node tools/make_text_asset.js --out FILE [--source DIR]
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DEFAULT_SOURCE = path.join(__dirname, '..', 'third_party', 'janeaustenr');
const TITLE = 'PRIDE AND PREJUDICE';

// R's serialisation (R Internals, "Serialization Formats"), XDR = big-endian.
const STRSXP = 16;  // character vector
const CHARSXP = 9;  // one string
const NA_STRING_LENGTH = -1;

function fail(message) {
  console.error(`make_text_asset: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { out: null, source: DEFAULT_SOURCE };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i], value = argv[i + 1];
    if (value === undefined) fail(`${name} needs a value`);
    if (name === '--out') options.out = value;
    else if (name === '--source') options.source = value;
    else fail(`unknown option '${name}' (usage: --out FILE [--source DIR])`);
  }
  if (!options.out) fail('--out FILE is required');
  return options;
}

// Rdata.rdb is a concatenation of records: a big-endian uint32 (the
// uncompressed size) followed by one zlib stream holding one serialised object.
function* rdbRecords(bytes) {
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length) fail('Rdata.rdb ends inside a record header');
    let inflated;
    try {
      inflated = zlib.inflateSync(bytes.subarray(offset + 4), { info: true });
    } catch (error) {
      fail(`Rdata.rdb: record at byte ${offset} is not a zlib stream (${error.message})`);
    }
    if (inflated.buffer.length !== bytes.readUInt32BE(offset)) fail(`Rdata.rdb: record at byte ${offset} has the wrong size`);
    yield inflated.buffer;
    offset += 4 + inflated.engine.bytesWritten;
  }
}

// A serialised character vector -> array of strings, or null if the record holds something else.
function parseCharacterVector(b) {
  if (b.toString('latin1', 0, 2) !== 'X\n') return null;  // XDR format only
  let p = 2;
  const version = b.readInt32BE(p); p += 12;  // format version, writer's R version, minimal reader version
  if (version === 3) p += 4 + b.readInt32BE(p);  // native encoding name
  if ((b.readInt32BE(p) & 0xff) !== STRSXP) return null;
  const count = b.readInt32BE(p + 4); p += 8;
  const strings = [];
  for (let i = 0; i < count; i++) {
    if ((b.readInt32BE(p) & 0xff) !== CHARSXP) fail('Rdata.rdb: a character vector holds a non-string');
    const length = b.readInt32BE(p + 4); p += 8;
    if (length === NA_STRING_LENGTH) { strings.push(''); continue; }
    strings.push(b.toString('utf8', p, p + length)); p += length;
  }
  return strings;
}

// Lines of the book -> paragraphs, one per output line.
function toParagraphs(lines) {
  const paragraphs = [];
  let current = [];
  for (const raw of lines) {
    const line = raw.replace(/_/g, '').trim();
    if (line === '') {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.join('\n') + '\n';
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const rdbPath = path.join(options.source, 'data', 'Rdata.rdb');
  let bytes;
  try {
    bytes = fs.readFileSync(rdbPath);
  } catch (error) {
    fail(`cannot read ${rdbPath} (${error.code || error.message}); run tools/setup.sh (it unpacks Debian's r-cran-janeaustenr) or pass --source DIR`);
  }
  for (const record of rdbRecords(bytes)) {
    const lines = parseCharacterVector(record);
    if (!lines || lines[0].trim() !== TITLE) continue;
    const text = toParagraphs(lines);
    if (!/^[\x20-\x7e\n]*$/.test(text)) fail(`${TITLE} holds characters outside printable ASCII`);
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, text);
    console.log(`make_text_asset: wrote ${options.out} (${text.length} characters)`);
    return;
  }
  fail(`no character vector starting with '${TITLE}' in ${rdbPath}`);
}

main();
