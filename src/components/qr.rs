//! A QR code drawn as SVG, from Nayuki's qrcodegen (a reference implementation of the
//! standard). Result codes are upper-case base32 with a `LATIH-` prefix, which QR's compact
//! alphanumeric mode encodes; a phone camera reads them as text.

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

/// Props of [`Qr`].
#[derive(Properties, PartialEq)]
pub struct QrProps {
    /// The text to encode.
    pub text: AttrValue,
    /// What the code holds, for screen readers.
    pub label: AttrValue,
}

/// The dark modules of `text`'s QR code as one SVG path, and the code's size in modules
/// (without the quiet zone); `None` if the text is too long for any QR code.
pub fn qr_path(text: &str) -> Option<(String, i32)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    // One rectangle per horizontal run of dark modules.
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{},{}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((path, size))
}

/// The QR code, with a white quiet zone of four modules.
#[function_component]
pub fn Qr(props: &QrProps) -> Html {
    let Some((path, size)) = qr_path(&props.text) else {
        return html! {};
    };
    let full = size + 8;
    html! {
        <svg class="qr" viewBox={format!("0 0 {full} {full}")} role="img" aria-label={props.label.clone()}
            shape-rendering="crispEdges" data-testid="qr">
            <rect width={full.to_string()} height={full.to_string()} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_code_fits_a_qr_code_and_the_drawing_matches_it() {
        let code = format!("LATIH-{}", "A0B1C2D3E4".repeat(19));
        let (path, size) = qr_path(&code).unwrap();
        let qr = QrCode::encode_text(&code, QrCodeEcc::Medium).unwrap();
        assert_eq!(size, qr.size());
        // Every dark module is covered by exactly one run, and no light one.
        let mut drawn = vec![vec![false; size as usize]; size as usize];
        for rect in path.split('M').skip(1) {
            let nums: Vec<i32> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            let (x, y, w) = (nums[0] - 4, nums[1] - 4, nums[2]);
            for dx in 0..w {
                assert!(!drawn[y as usize][(x + dx) as usize]);
                drawn[y as usize][(x + dx) as usize] = true;
            }
        }
        for y in 0..size {
            for x in 0..size {
                assert_eq!(
                    drawn[y as usize][x as usize],
                    qr.get_module(x, y),
                    "({x}, {y})"
                );
            }
        }
        assert!(size <= 73, "version 14 or lower: {size}");
        assert!(
            qr_path(&"x".repeat(5000)).is_none(),
            "too long gives nothing, not a panic"
        );
    }
}
