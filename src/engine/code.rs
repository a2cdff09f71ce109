//! Short text codes for data that travels by hand: a compact byte layout (variable-length
//! integers, length-prefixed strings), a CRC-32 so a damaged code is caught, and Crockford's
//! base32 so the text survives WhatsApp, a QR code (alphanumeric mode) or being read aloud:
//! upper case, no 0/O or 1/I/L confusion, case and dashes ignored when read back.

/// Crockford's base32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Writes values into a byte buffer.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// An empty buffer.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// One byte.
    pub fn u8(&mut self, value: u8) -> &mut Writer {
        self.bytes.push(value);
        self
    }

    /// An unsigned integer in 7-bit groups (small numbers take one byte).
    pub fn varint(&mut self, mut value: u64) -> &mut Writer {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(low);
                return self;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// A string: its length, then its UTF-8 bytes.
    pub fn str(&mut self, value: &str) -> &mut Writer {
        self.varint(value.len() as u64);
        self.bytes.extend_from_slice(value.as_bytes());
        self
    }

    /// Raw bytes of a known length.
    pub fn bytes(&mut self, value: &[u8]) -> &mut Writer {
        self.bytes.extend_from_slice(value);
        self
    }

    /// The buffer with its CRC-32 appended.
    pub fn finish(&self) -> Vec<u8> {
        let mut out = self.bytes.clone();
        out.extend_from_slice(&crc32(&self.bytes).to_be_bytes());
        out
    }
}

/// Why bytes could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The bytes end too early, or a value is malformed: the code is damaged or incomplete.
    Damaged,
}

/// Reads values written by [`Writer`].
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Checks the CRC-32 at the end of `bytes` and reads what precedes it.
    pub fn checked(bytes: &'a [u8]) -> Result<Reader<'a>, ReadError> {
        let split = bytes.len().checked_sub(4).ok_or(ReadError::Damaged)?;
        let (body, sum) = bytes.split_at(split);
        let sum = u32::from_be_bytes([sum[0], sum[1], sum[2], sum[3]]);
        if crc32(body) != sum {
            return Err(ReadError::Damaged);
        }
        Ok(Reader { bytes: body, at: 0 })
    }

    /// One byte.
    pub fn u8(&mut self) -> Result<u8, ReadError> {
        let b = *self.bytes.get(self.at).ok_or(ReadError::Damaged)?;
        self.at += 1;
        Ok(b)
    }

    /// An integer written by [`Writer::varint`].
    pub fn varint(&mut self) -> Result<u64, ReadError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            value |= u64::from(b & 0x7f)
                .checked_shl(shift)
                .ok_or(ReadError::Damaged)?;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ReadError::Damaged)
    }

    /// A string written by [`Writer::str`].
    pub fn str(&mut self) -> Result<String, ReadError> {
        let len = usize::try_from(self.varint()?).map_err(|_| ReadError::Damaged)?;
        let bytes = self.bytes(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| ReadError::Damaged)
    }

    /// `len` raw bytes.
    pub fn bytes(&mut self, len: usize) -> Result<&'a [u8], ReadError> {
        let end = self.at.checked_add(len).ok_or(ReadError::Damaged)?;
        let slice = self.bytes.get(self.at..end).ok_or(ReadError::Damaged)?;
        self.at = end;
        Ok(slice)
    }

    /// Whether everything has been read.
    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// Escapes everything but letters, digits and `-._~` (`%XX`), so text is one URL path segment.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// CRC-32 (IEEE 802.3, the one zip and PNG use).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// SHA-1 of `bytes` (for name-based UUIDs, version 5; not for security).
pub fn sha1(bytes: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut message = bytes.to_vec();
    let bit_len = (bytes.len() as u64).wrapping_mul(8);
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&bit_len.to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// SHA-256 of `bytes` (FIPS 180-4): names a scenario by its content, so a result played on a
/// changed copy is told apart from one played on the copy the trainer shipped.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let bit_len = (bytes.len() as u64).wrapping_mul(8);
    // The last blocks: the tail of the message, the 0x80 marker, zeros and the length.
    let tail_start = bytes.len() - bytes.len() % 64;
    let mut tail = bytes[tail_start..].to_vec();
    tail.push(0x80);
    while tail.len() % 64 != 56 {
        tail.push(0);
    }
    tail.extend_from_slice(&bit_len.to_be_bytes());
    for block in bytes[..tail_start].chunks(64).chain(tail.chunks(64)) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            v = [
                t1.wrapping_add(s0.wrapping_add(maj)),
                a,
                b,
                c,
                d.wrapping_add(t1),
                e,
                f,
                g,
            ];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// A name-based UUID (version 5, RFC 9562) of `name` in `namespace`.
pub fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> [u8; 16] {
    let mut input = namespace.to_vec();
    input.extend_from_slice(name);
    let hash = sha1(&input);
    let mut out = [0u8; 16];
    out.copy_from_slice(&hash[..16]);
    out[6] = (out[6] & 0x0f) | 0x50;
    out[8] = (out[8] & 0x3f) | 0x80;
    out
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as base64url without padding (RFC 4648, section 5): what a link's fragment carries.
pub fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(BASE64URL[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url (padding optional); `None` for any other character or an impossible length.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = BASE64URL.iter().position(|&x| x == c)? as u32;
        buffer = buffer << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Bytes as Crockford base32 (upper case, no padding).
pub fn to_base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Reads Crockford base32: case does not matter, `O` reads as 0, `I` and `L` as 1, and dashes
/// and spaces are skipped. `None` for any other character.
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        let value = ALPHABET.iter().position(|&a| a as char == c)? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_the_rfc_and_round_trips() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff], "-_8"),
        ] {
            assert_eq!(to_base64url(bytes), text);
            assert_eq!(from_base64url(text).as_deref(), Some(bytes));
        }
        assert_eq!(from_base64url("Zg==").as_deref(), Some(&b"f"[..]));
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(from_base64url(&to_base64url(&all)), Some(all));
        assert_eq!(
            from_base64url("Zm9v+"),
            None,
            "standard base64's + is not base64url"
        );
        assert_eq!(from_base64url("Z"), None);
    }

    #[test]
    fn sha256_matches_the_fips_examples() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        // A million 'a's: many blocks, and a length past 2^20 bits.
        assert_eq!(
            hex(&sha256(&vec![b'a'; 1_000_000])),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        // Every length around a block's end (55, 56, 63, 64, 65 bytes) gives its own digest.
        let digests: Vec<[u8; 32]> = (54..=66).map(|n| sha256(&vec![7u8; n])).collect();
        for (i, d) in digests.iter().enumerate() {
            assert!(!digests[..i].contains(d));
        }
    }

    #[test]
    fn sha1_and_uuid_v5_match_published_values() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        let long = "a".repeat(1000);
        assert_eq!(
            hex(&sha1(long.as_bytes())),
            "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        );
        // RFC 9562's example: the DNS namespace and "www.example.com".
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            hex(&uuid_v5(&dns, b"www.example.com")),
            "2ed6657de927568b95e12665a8aea6a2"
        );
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn base32_reads_back_what_it_wrote_forgivingly() {
        let bytes = b"Latih \x00\xff\x10";
        let text = to_base32(bytes);
        assert!(text.chars().all(|c| ALPHABET.contains(&(c as u8))));
        assert_eq!(from_base32(&text).as_deref(), Some(&bytes[..]));
        let sloppy = text.to_lowercase().replace('1', "l").replace('0', "o");
        let sloppy = format!("{}-{}", &sloppy[..4], &sloppy[4..]);
        assert_eq!(from_base32(&sloppy).as_deref(), Some(&bytes[..]));
        assert_eq!(from_base32("AB*C"), None);
        assert_eq!(from_base32("U"), None, "U is not in Crockford's alphabet");
    }

    #[test]
    fn values_round_trip_and_damage_is_caught() {
        let mut w = Writer::new();
        w.u8(7)
            .varint(0)
            .varint(300)
            .varint(u64::MAX)
            .str("Bu Sri — Pancor")
            .bytes(&[1, 2, 3]);
        let bytes = w.finish();
        let mut r = Reader::checked(&bytes).unwrap();
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.varint(), Ok(0));
        assert_eq!(r.varint(), Ok(300));
        assert_eq!(r.varint(), Ok(u64::MAX));
        assert_eq!(r.str().as_deref(), Ok("Bu Sri — Pancor"));
        assert_eq!(r.bytes(3), Ok(&[1u8, 2, 3][..]));
        assert!(r.is_done());
        assert_eq!(r.u8(), Err(ReadError::Damaged));

        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            assert!(
                Reader::checked(&bad).is_err(),
                "flipped byte {i} went unnoticed"
            );
        }
        assert!(Reader::checked(&bytes[..3]).is_err());
    }
}
