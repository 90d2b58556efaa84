//! HTML character references (`&amp;`, `&#233;`, `&#xE9;`) decoded, for text read back
//! out of HTML: URLs as a browser reads them, and the plain text of search excerpts.

/// `s` with its numeric references and the named ones `named` knows decoded; anything else
/// (an unknown name, a bare `&`) is left as written.
pub fn decode(s: &str, named: impl Fn(&str) -> Option<char>) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // The longest reference either caller needs (`&NewLine;`, `&#x10FFFF;`) is short.
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let Some(n) = name.strip_prefix('#') else {
                return named(name);
            };
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
