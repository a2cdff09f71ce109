// An independent reading of the result-code layout in docs/monev.md, used by the tests to forge
// a code the way a cheater would: change the score and recompute the checksum.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function fromBase32(text) {
  const out = [];
  let buffer = 0, bits = 0;
  for (const c of text.toUpperCase()) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

export function toBase32(bytes) {
  let out = "", buffer = 0, bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function crc32(bytes) {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

function varint(bytes, at) {
  let value = 0, shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}

function writeVarint(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

/** Reads a result code; returns its fields and where the score sits. */
export function readResult(code) {
  const bytes = fromBase32(code.replace(/^LATIH-/i, ""));
  const body = bytes.slice(0, -4);
  const sum = new DataView(bytes.buffer, bytes.length - 4).getUint32(0);
  if (crc32(body) !== sum) throw new Error("bad checksum");
  if (bytes[1] !== 3) throw new Error(`result code layout ${bytes[1]}, this reader knows layout 3`);
  let at = 2 + 16;
  const str = () => {
    const [len, next] = varint(body, at);
    const s = new TextDecoder().decode(body.slice(next, next + len));
    at = next + len;
    return s;
  };
  const workshop = str(), agent = str(), wadah = str();
  const phase = body[at++];
  const scenario = str();
  let version, n, score, year;
  [version, at] = varint(body, at);
  at += 8;
  // Layout 2: the run's date (year varint, month byte, day byte) and the rates table's version.
  [year, at] = varint(body, at);
  const date = `${year}-${String(body[at]).padStart(2, "0")}-${String(body[at + 1]).padStart(2, "0")}`;
  at += 2;
  const rates = str();
  // Layout 3: the content hash of the scenario played (a flag, then 16 bytes).
  const content = body[at++] === 1 ? [...body.slice(at, (at += 16))] : null;
  [n, at] = varint(body, at);
  for (let i = 0; i < n; i++) [, at] = varint(body, at);
  const scoreAt = at;
  [score, at] = varint(body, at);
  return { body, workshop, agent, wadah, phase, scenario, version, date, rates, content, choices: n, score, scoreAt, scoreEnd: at };
}

/** The same code with another score and a correct checksum. */
export function forgeScore(code, score) {
  const r = readResult(code);
  const body = [...r.body.slice(0, r.scoreAt), ...writeVarint(score), ...r.body.slice(r.scoreEnd)];
  const sum = crc32(body);
  const bytes = [...body, (sum >>> 24) & 0xff, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff];
  return "LATIH-" + toBase32(bytes);
}
