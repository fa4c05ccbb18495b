#!/usr/bin/env node
// The UI's strings and their Korean (issue 14), read straight from the sources.
//
//   node tools/ui_strings.js --check    every tr()/tr_id()/translatable() text has
//                                        a Korean row with the same placeholders;
//                                        exit 1 and list what is wrong otherwise
//   node tools/ui_strings.js --glyphs   every character the UI can show (ASCII
//                                        and the tables' Hangul), one UTF-8 line:
//                                        what tools/build_ui_font.js keeps
//   node tools/ui_strings.js --missing  the English texts without Korean, one a line
//
// The rule that makes this possible: tr() and friends take string literals
// (adjacent literals are joined, as the compiler does).
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['app', 'demos'];

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(cpp|h)$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

// C++ escapes in the literals we write: \" \\ \n \t and \xNN are enough.
function unescape(body) {
  return body.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (_, e) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', t: '\t', '"': '"', '\\': '\\', "'": "'" }[e] ?? e;
  });
}

const LITERAL = /"((?:[^"\\\n]|\\.)*)"/y;
const SPACE = /(?:\s|\/\/[^\n]*\n)*/y;

// Reads one or more adjacent string literals at `at`; null when there is none.
function literalsAt(text, at) {
  let value = '';
  let found = false;
  for (;;) {
    SPACE.lastIndex = at;
    SPACE.exec(text);
    LITERAL.lastIndex = SPACE.lastIndex;
    const m = LITERAL.exec(text);
    if (!m) break;
    value += unescape(m[1]);
    at = LITERAL.lastIndex;
    found = true;
  }
  return found ? { value, end: at } : null;
}

// The shown part of a label: the text before "##" (ImGui's ID suffix).
const shown = (label) => label.split('##')[0];

function usedStrings() {
  const used = new Map();  // english -> first "file:line"
  // help_marker() and notes_section() translate their argument themselves.
  const call = /\b(tr|tr_id|translatable|help_marker|notes_section)\(/g;
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      if (/_ko\.cpp$/.test(file) || file.includes(`${path.sep}i18n${path.sep}`)) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(call)) {
        const lit = literalsAt(text, m.index + m[0].length);
        if (!lit) continue;  // tr(variable): its literals are marked where they are written
        const english = shown(lit.value);
        if (english === '' || used.has(english)) continue;
        const line = text.slice(0, m.index).split('\n').length;
        used.set(english, `${path.relative(ROOT, file)}:${line}`);
      }
    }
  }
  return used;
}

function koreanRows() {
  const rows = [];
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(path.join(ROOT, dir)).filter((f) => /_ko\.cpp$/.test(f))) {
      const text = fs.readFileSync(file, 'utf8');
      const start = text.indexOf('kRows[] = {');
      if (start < 0) continue;
      const row = /\{(?=\s*")/g;
      row.lastIndex = start + "kRows[] = {".length;  // matchAll starts here
      for (const m of text.matchAll(row)) {
        const english = literalsAt(text, m.index + 1);
        if (!english) continue;
        const comma = /\s*,/y;
        comma.lastIndex = english.end;
        if (!comma.exec(text)) continue;
        const korean = literalsAt(text, comma.lastIndex);
        if (!korean) continue;
        const line = text.slice(0, m.index).split('\n').length;
        rows.push({ english: english.value, korean: korean.value, where: `${path.relative(ROOT, file)}:${line}` });
      }
    }
  }
  return rows;
}

// printf conversions in order ("%d", "%.2f", "%s"); "%%" is text.
const placeholders = (s) => (s.match(/%(?:%|[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGaAcspn])/g) || [])
  .filter((p) => p !== '%%');

function check() {
  const used = usedStrings();
  const rows = koreanRows();
  const byEnglish = new Map();
  const problems = [];
  for (const r of rows) {
    const earlier = byEnglish.get(r.english);
    if (earlier && earlier.korean !== r.korean)
      problems.push(`${r.where}: "${r.english}" already has other Korean at ${earlier.where}`);
    if (!earlier) byEnglish.set(r.english, r);
    if (r.english.includes('##')) problems.push(`${r.where}: a row's English must not hold "##" (tr() strips the ID)`);
    if (r.korean.trim() === '') problems.push(`${r.where}: empty Korean for "${r.english}"`);
    const a = placeholders(r.english).join(' '), b = placeholders(r.korean).join(' ');
    if (a !== b) problems.push(`${r.where}: placeholders differ for "${r.english}": [${a}] vs [${b}]`);
  }
  const missing = [...used].filter(([english]) => !byEnglish.has(english));
  for (const [english, where] of missing) problems.push(`${where}: no Korean for ${JSON.stringify(english)}`);
  const unused = rows.filter((r) => !used.has(r.english));
  for (const r of unused) console.log(`note: ${r.where}: row not used by any tr(): ${JSON.stringify(r.english)}`);
  for (const p of problems) console.log(p);
  console.log(`ui strings: ${used.size} used, ${rows.length} Korean rows, ${missing.length} missing, ${problems.length} problems`);
  return problems.length === 0;
}

function glyphs() {
  const set = new Set();
  for (let c = 0x20; c < 0x7f; ++c) set.add(String.fromCharCode(c));
  for (const english of usedStrings().keys()) for (const ch of english) set.add(ch);
  for (const r of koreanRows()) for (const ch of r.korean + r.english) set.add(ch);
  for (const ch of [...set]) if (ch.codePointAt(0) < 0x20) set.delete(ch);
  return [...set].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)).join('');
}

const mode = process.argv[2];
if (mode === '--check') process.exit(check() ? 0 : 1);
else if (mode === '--glyphs') process.stdout.write(glyphs() + '\n');
else if (mode === '--missing') {
  const rows = new Set(koreanRows().map((r) => r.english));
  for (const [english, where] of usedStrings()) if (!rows.has(english)) console.log(`${where}\t${JSON.stringify(english)}`);
} else {
  console.error('usage: node tools/ui_strings.js --check | --glyphs | --missing');
  process.exit(2);
}
