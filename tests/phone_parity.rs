//! Parity of the phone field with libphonenumber: every vector of `tests/data/phone_vectors.tsv`
//! (written by `scripts/phone-metadata/vectors.py` with Python `phonenumbers`) parsed by
//! `domain::phone::parse_phone`, the code the CLI and the desk run, and compared with
//! libphonenumber's answer: accepted or refused, E.164, country and type. Where we differ on
//! purpose the vector says so, and the test checks our refusal (or reading) instead.
//!
//! It calls the parser in-process: 30,000 runs of the binary would take minutes; the binary's
//! own phone paths are in `tests/check.rs`.

use cartsaver::domain::phone::{Phone, libphonenumber_version, parse_phone, parse_region};

const VECTORS: &str = include_str!("data/phone_vectors.tsv");
const SHOWN: usize = 30;

struct Vector<'a> {
    line: usize,
    input: &'a str,
    region: &'a str,
    expected: &'a str,
    differs: &'a str,
    form: &'a str,
}

fn vectors() -> Vec<Vector<'static>> {
    VECTORS
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#'))
        .map(|(i, line)| {
            let cells: Vec<&str> = line.split('\t').collect();
            let [input, region, expected, differs, form] = cells[..] else {
                panic!("line {}: 5 tab-separated cells expected: {line:?}", i + 1);
            };
            Vector {
                line: i + 1,
                input,
                region,
                expected,
                differs,
                form,
            }
        })
        .collect()
}

/// Our answer in the vectors' words: `+E164 REGION TYPE`, or `-` with the error code.
fn ours(vector: &Vector) -> Result<Phone, (String, String)> {
    let region = match vector.region {
        "" => None,
        id => Some(parse_region(id).expect("vector regions are known").value),
    };
    parse_phone(vector.input, region.as_ref())
        .map(|parsed| parsed.value)
        .map_err(|e| (e.code.to_owned(), e.message))
}

fn shown(phone: &Phone) -> String {
    format!(
        "{} {} {}",
        phone.e164,
        phone.country.as_deref().unwrap_or("001"),
        phone.kind
    )
}

/// The refusal a deliberate difference must give: error code and a part of the message.
fn refusal_for(differs: &str, input: &str) -> Option<(&'static str, &'static str)> {
    match differs {
        "letter" | "tel" | "extension" => Some(("letter", "a customer's number has only digits")),
        "plus" if input.trim_end().ends_with('+') => Some(("bad_character", "ends with a `+`")),
        "plus" => Some(("bad_character", "two `+` signs")),
        _ => None,
    }
}

/// Why `vector` is answered wrongly, or `None`.
fn mismatch(vector: &Vector) -> Option<String> {
    let answer = ours(vector);
    if let Some((code, words)) = refusal_for(vector.differs, vector.input) {
        return match &answer {
            Err((c, message)) if c == code && message.contains(words) => None,
            Err((c, message)) => Some(format!("refused as {c}: {message}; want {code}: {words}")),
            Ok(phone) => Some(format!(
                "accepted as {}; want refused ({code})",
                shown(phone)
            )),
        };
    }
    match (&answer, vector.expected) {
        (Err(_), "-") => None,
        (Ok(phone), expected) if shown(phone) == expected => None,
        (Ok(phone), expected) => Some(format!("got {}, want {expected}", shown(phone))),
        (Err((code, message)), expected) => {
            Some(format!("refused ({code}: {message}), want {expected}"))
        }
    }
}

#[test]
fn phone_parsing_agrees_with_libphonenumber() {
    let all = vectors();
    let mismatches: Vec<String> = all
        .iter()
        .filter_map(|v| {
            mismatch(v).map(|why| {
                format!(
                    "line {} [{}{}] {:?} region {:?}: {why}",
                    v.line,
                    v.form,
                    if v.differs.is_empty() {
                        String::new()
                    } else {
                        format!(", differs: {}", v.differs)
                    },
                    v.input,
                    v.region
                )
            })
        })
        .collect();
    let differences = all.iter().filter(|v| !v.differs.is_empty()).count();
    eprintln!(
        "{} vectors ({differences} documented differences), libphonenumber {} (metadata {}), {} mismatches",
        all.len(),
        header_version(),
        libphonenumber_version(),
        mismatches.len()
    );
    assert!(all.len() >= 20_000, "only {} vectors", all.len());
    assert!(
        mismatches.is_empty(),
        "{} of {} vectors differ from libphonenumber; the first {}:\n{}",
        mismatches.len(),
        all.len(),
        SHOWN.min(mismatches.len()),
        mismatches[..SHOWN.min(mismatches.len())].join("\n")
    );
}

/// The vectors were written by the libphonenumber release whose metadata we build with.
#[test]
fn vectors_and_metadata_come_from_the_same_release() {
    assert_eq!(header_version(), libphonenumber_version());
}

/// `9.0.43`, from the vectors' first line.
fn header_version() -> &'static str {
    VECTORS
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# libphonenumber "))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a `# libphonenumber VERSION` first line")
}
