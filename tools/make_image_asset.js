#!/usr/bin/env node
// Converts Fashion-MNIST (Debian's dataset-fashion-mnist, gzipped IDX files)
// into the compact image asset the dropout demo loads: the first N training and
// first M test images with their labels and the 10 class names. The bytes are
// exactly those encode_image_asset writes (engine/data/image_asset.cpp); the
// layout is in docs/image-asset-format.md.
// Usage: node tools/make_image_asset.js --out FILE [--train N] [--test M] [--source DIR]
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// Fashion-MNIST's label order (Xiao, Rasul & Vollgraf 2017, table 1).
const CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat',
  'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const DEFAULT_SOURCE = '/usr/share/datasets/fashion-mnist';

// The limits parse_image_asset enforces.
const FORMAT_VERSION = 1;
const MAX_COUNT = 1000000;
const MAX_SIDE = 1024;

// IDX magic numbers: two zero bytes, type 0x08 (unsigned byte), dimension count.
const IDX_IMAGES_MAGIC = 0x00000803;
const IDX_LABELS_MAGIC = 0x00000801;

function fail(message) {
  console.error(`make_image_asset: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { out: null, train: 10000, test: 2000, source: DEFAULT_SOURCE };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i], value = argv[i + 1];
    if (value === undefined) fail(`${name} needs a value`);
    if (name === '--out') options.out = value;
    else if (name === '--source') options.source = value;
    else if (name === '--train' || name === '--test') {
      if (!/^\d+$/.test(value) || Number(value) > MAX_COUNT) fail(`${name} must be a whole number from 0 to ${MAX_COUNT}, not '${value}'`);
      options[name.slice(2)] = Number(value);
    } else fail(`unknown option '${name}' (usage: --out FILE [--train N] [--test M] [--source DIR])`);
  }
  if (!options.out) fail('--out FILE is required');
  return options;
}

function readGzip(file) {
  let compressed;
  try {
    compressed = fs.readFileSync(file);
  } catch (error) {
    fail(`cannot read ${file} (${error.code || error.message}); install the Debian package dataset-fashion-mnist or pass --source DIR`);
  }
  try {
    return zlib.gunzipSync(compressed);
  } catch (error) {
    fail(`${file} is not a valid gzip file (${error.message})`);
  }
}

// The IDX format (LeCun et al., MNIST page): big-endian uint32 magic, one
// big-endian uint32 per dimension, then the unsigned bytes, row-major.
function readIdx(file, expectedMagic, dimensionCount) {
  const bytes = readGzip(file);
  const headerBytes = 4 + 4 * dimensionCount;
  if (bytes.length < headerBytes) fail(`${file} is too short for an IDX header (${bytes.length} bytes)`);
  const magic = bytes.readUInt32BE(0);
  if (magic !== expectedMagic) {
    fail(`${file} has IDX magic 0x${magic.toString(16).padStart(8, '0')}, expected ` +
      `0x${expectedMagic.toString(16).padStart(8, '0')} (unsigned bytes, ${dimensionCount} dimension${dimensionCount > 1 ? 's' : ''})`);
  }
  const dims = [];
  for (let d = 0; d < dimensionCount; d++) dims.push(bytes.readUInt32BE(4 + 4 * d));
  const expectedLength = headerBytes + dims.reduce((product, dim) => product * dim, 1);
  if (bytes.length !== expectedLength) {
    fail(`${file} holds ${bytes.length} bytes but its header [${dims.join(', ')}] says ${expectedLength}`);
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

// One set: the first `count` images of the IDX pair, checked for agreement.
function readSet(source, prefix, count) {
  const imagesFile = path.join(source, `${prefix}-images-idx3-ubyte.gz`);
  const labelsFile = path.join(source, `${prefix}-labels-idx1-ubyte.gz`);
  const images = readIdx(imagesFile, IDX_IMAGES_MAGIC, 3);
  const labels = readIdx(labelsFile, IDX_LABELS_MAGIC, 1);
  const [available, rows, cols] = images.dims;
  if (labels.dims[0] !== available) fail(`${imagesFile} has ${available} images but ${labelsFile} has ${labels.dims[0]} labels`);
  if (rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE) {
    fail(`${imagesFile} has ${rows}x${cols} images (rows and cols must be 1 to ${MAX_SIDE})`);
  }
  if (count > available) fail(`${count} ${prefix} images requested but ${imagesFile} has only ${available}`);
  const setLabels = labels.data.subarray(0, count);
  const bad = setLabels.findIndex((label) => label >= CLASS_NAMES.length);
  if (bad >= 0) fail(`${labelsFile}: label ${setLabels[bad]} at image ${bad} is not below ${CLASS_NAMES.length} classes`);
  return { count, rows, cols, pixels: images.data.subarray(0, count * rows * cols), labels: setLabels };
}

// CRC-32, IEEE 802.3 polynomial, as zlib and engine/io/crc32.cpp: reflected
// 0xEDB88320, register preset to all ones and inverted at the end.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let reg = byte;
    for (let bit = 0; bit < 8; bit++) reg = reg & 1 ? (reg >>> 1) ^ 0xEDB88320 : reg >>> 1;
    table[byte] = reg >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let reg = 0xFFFFFFFF;
  for (let i = 0; i < bytes.length; i++) reg = CRC_TABLE[(reg ^ bytes[i]) & 0xFF] ^ (reg >>> 8);
  return (reg ^ 0xFFFFFFFF) >>> 0;
}

// The layout of encode_image_asset, field by field, little-endian.
function encode(classNames, train, test) {
  const names = classNames.map((name) => Buffer.from(name, 'utf8'));
  const setBytes = (set) => 8 + set.pixels.length + set.labels.length;
  const size = 12 + names.reduce((sum, name) => sum + 1 + name.length, 0) + setBytes(train) + setBytes(test) + 4;
  const out = Buffer.alloc(size);
  let at = 0;
  at += out.write('DLPI', at, 'latin1');
  at = out.writeUInt32LE(FORMAT_VERSION, at);
  at = out.writeUInt32LE(names.length, at);
  for (const name of names) {
    at = out.writeUInt8(name.length, at);
    at += name.copy(out, at);
  }
  for (const set of [train, test]) {
    at = out.writeUInt32LE(set.count, at);
    at = out.writeUInt16LE(set.rows, at);
    at = out.writeUInt16LE(set.cols, at);
    at += set.pixels.copy(out, at);
    at += set.labels.copy(out, at);
  }
  at = out.writeUInt32LE(crc32(out.subarray(0, at)), at);
  if (at !== size) throw new Error(`internal error: wrote ${at} of ${size} bytes`);
  return out;
}

// A temporary file beside the target, renamed over it: readers see the old
// file or the whole new one, never a half-written one. The folder must exist.
function writeAtomically(file, bytes) {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const hint = error.code === 'ENOENT' ? ': does its folder exist?' : '';
    fail(`cannot write ${file} (${error.code || error.message}${hint})`);
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const train = readSet(options.source, 'train', options.train);
  const test = readSet(options.source, 't10k', options.test);
  if (train.rows !== test.rows || train.cols !== test.cols) {
    fail(`test images are ${test.rows}x${test.cols} but train images are ${train.rows}x${train.cols}`);
  }
  const bytes = encode(CLASS_NAMES, train, test);
  const out = path.resolve(options.out);
  writeAtomically(out, bytes);
  console.log(`${out}: ${train.count} train + ${test.count} test images, ${train.rows}x${train.cols}, ` +
    `${CLASS_NAMES.length} classes, ${bytes.length} bytes`);
}

main();
