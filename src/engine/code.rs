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
