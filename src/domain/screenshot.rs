//! `screenshot`: image or PDF attachments, checked by content (magic bytes) and size (docs/contract.md §2).
//!
//! Owns what an attachment may be: PNG, JPEG, GIF, WebP or PDF by its first bytes (never by its
//! extension), at most 10 MiB, at most five per ticket or message. Used by the CLI on files it
//! reads and by the desk on bytes it receives; it reads files only in [`load_screenshot`].

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Field, FieldError, Note, Parsed};

pub const MAX_SCREENSHOTS: usize = 5;
pub const MAX_SCREENSHOT_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScreenshotType {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
}

impl ScreenshotType {
    pub fn name(self) -> &'static str {
        match self {
            ScreenshotType::Png => "png",
            ScreenshotType::Jpeg => "jpeg",
            ScreenshotType::Gif => "gif",
            ScreenshotType::Webp => "webp",
            ScreenshotType::Pdf => "pdf",
        }
    }

    /// `PNG image`, `PDF document`: how notes and errors name it.
    pub fn label(self) -> &'static str {
        match self {
            ScreenshotType::Png => "PNG image",
            ScreenshotType::Jpeg => "JPEG image",
            ScreenshotType::Gif => "GIF image",
            ScreenshotType::Webp => "WebP image",
            ScreenshotType::Pdf => "PDF document",
        }
    }

    /// The file name extensions that claim this type.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            ScreenshotType::Png => &["png"],
            ScreenshotType::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
            ScreenshotType::Gif => &["gif"],
            ScreenshotType::Webp => &["webp"],
            ScreenshotType::Pdf => &["pdf"],
        }
    }
}

/// What the first bytes of a file say it is, if it is one of the accepted types.
pub fn sniff(bytes: &[u8]) -> Option<ScreenshotType> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ScreenshotType::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ScreenshotType::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(ScreenshotType::Gif)
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some(ScreenshotType::Webp)
    } else if bytes.starts_with(b"%PDF-") {
        Some(ScreenshotType::Pdf)
    } else {
        None
    }
}

/// A checked attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screenshot {
    /// The file name alone, no directories.
    pub name: String,
    pub kind: ScreenshotType,
    pub bytes: Vec<u8>,
}

/// Check bytes received (by the desk) or read (by the CLI): size and type by content.
pub fn check_screenshot(name: &str, bytes: Vec<u8>) -> Result<Parsed<Screenshot>, FieldError> {
    check(name, name, bytes)
}

/// Read and check a file: it must exist, be a regular file, be at most 10 MiB (checked before
/// reading) and be an accepted type by content.
pub fn load_screenshot(path: &Path) -> Result<Parsed<Screenshot>, FieldError> {
    let input = path.display().to_string();
    let metadata = fs::metadata(path).map_err(|e| open_error(&input, path, &e))?;
    if !metadata.is_file() {
        return Err(not_a_file(&input, metadata.is_dir()));
    }
    // Checked before reading, so a 2 GiB video given by mistake is refused at once.
    check_size(&input, metadata.len())?;
    let bytes =
        read_at_most(path, MAX_SCREENSHOT_BYTES).map_err(|e| open_error(&input, path, &e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    check(&input, &name, bytes)
}

/// At most [`MAX_SCREENSHOTS`] per ticket or message.
pub fn check_screenshot_count(count: usize) -> Result<(), FieldError> {
    if count <= MAX_SCREENSHOTS {
        return Ok(());
    }
    Err(FieldError::new(
        Field::Screenshot,
        format!("{count} files"),
        "too_many",
        format!(
            "at most {MAX_SCREENSHOTS} screenshots per ticket or message; pick the \
             {MAX_SCREENSHOTS} most telling ones (the error on screen first)"
        ),
    ))
}

/// The file name alone: no directories (`/` or `\`), no control characters, at most 255 bytes.
pub fn file_name_only(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut clean = String::with_capacity(base.len().min(255));
    for c in base.chars().filter(|c| !c.is_control()) {
        if clean.len() + c.len_utf8() > 255 {
            break;
        }
        clean.push(c);
    }
    clean.trim().to_string()
}

fn check(input: &str, name: &str, bytes: Vec<u8>) -> Result<Parsed<Screenshot>, FieldError> {
    check_size(input, bytes.len() as u64)?;
    let name = file_name_only(name);
    let claimed = claimed_type(&name);
    let Some(kind) = sniff(&bytes) else {
        return Err(unsupported(input, claimed, &bytes));
    };
    let mut parsed = Parsed::new(Screenshot {
        name: if name.is_empty() {
            format!("screenshot.{}", kind.extensions()[0])
        } else {
            name
        },
        kind,
        bytes,
    });
    parsed.notes.push(Note::info(format!(
        "{}, {}",
        kind.label(),
        human_size(parsed.value.bytes.len() as u64)
    )));
    if let Some(claimed) = claimed.filter(|&c| c != kind) {
        parsed.notes.push(Note::info(format!(
            "named like a {} but the content is a {}; it is sent as {}",
            claimed.label(),
            kind.label(),
            kind.name().to_uppercase()
        )));
    }
    Ok(parsed)
}

fn check_size(input: &str, size: u64) -> Result<(), FieldError> {
    if size == 0 {
        return Err(FieldError::new(
            Field::Screenshot,
            input,
            "empty",
            "the file is empty (0 bytes); save the screenshot again and attach the saved file",
        ));
    }
    if size > MAX_SCREENSHOT_BYTES {
        return Err(too_large_error(input, size));
    }
    Ok(())
}

/// The one refusal of a file over [`MAX_SCREENSHOT_BYTES`]: `input` names it, `size` is its size
/// in bytes. Also what the desk answers for an upload it refuses while reading it.
pub fn too_large_error(input: &str, size: u64) -> FieldError {
    FieldError::new(
        Field::Screenshot,
        input,
        "too_large",
        format!(
            "{:.1} MiB, over the {} MiB limit; crop it to the part that shows the error or \
             compress it (e.g. save as JPEG)",
            // Rounded up: 10 MiB and one byte must not read as "10.0 MiB, over 10 MiB".
            (size as f64 / MIB * 10.0).ceil() / 10.0,
            MAX_SCREENSHOT_BYTES / (1024 * 1024)
        ),
    )
}

const MIB: f64 = 1024.0 * 1024.0;

/// `812 bytes`, `245 KiB`, `2.4 MiB`.
pub fn human_size(size: u64) -> String {
    if size < 1024 {
        format!("{size} bytes")
    } else if size < 1024 * 1024 {
        format!("{} KiB", (size + 512) / 1024)
    } else {
        format!("{:.1} MiB", size as f64 / MIB)
    }
}

/// The accepted type a file name's extension claims, if any.
fn claimed_type(name: &str) -> Option<ScreenshotType> {
    let (_, extension) = name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    [
        ScreenshotType::Png,
        ScreenshotType::Jpeg,
        ScreenshotType::Gif,
        ScreenshotType::Webp,
        ScreenshotType::Pdf,
    ]
    .into_iter()
    .find(|t| t.extensions().contains(&extension.as_str()))
}

const ACCEPTED: &str = "PNG, JPEG, GIF, WebP or PDF";

fn unsupported(input: &str, claimed: Option<ScreenshotType>, bytes: &[u8]) -> FieldError {
    let looks_like = looks_like(bytes);
    let what = match (claimed, looks_like) {
        (Some(claimed), Some(other)) => format!(
            "the name says {} but the content is {other}: the extension does not match the \
             content",
            claimed.label()
        ),
        (Some(claimed), None) => format!(
            "the name says {} but the content is not one (the extension does not match the \
             content; the file may be damaged or renamed)",
            claimed.label()
        ),
        (None, Some(other)) => format!("this is {other}, not an accepted type"),
        (None, None) => "the content is not an image or PDF this accepts".to_string(),
    };
    FieldError::new(
        Field::Screenshot,
        input,
        "unsupported_type",
        format!("{what}; export or save it as PNG or JPEG (accepted: {ACCEPTED})"),
    )
}

/// What a refused file recognizably is, to tell the user what they attached.
fn looks_like(bytes: &[u8]) -> Option<&'static str> {
    if bytes.get(4..8) == Some(b"ftyp") {
        return Some(match bytes.get(8..12) {
            Some(b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1") => {
                "a HEIC/HEIF image (the iPhone photo format)"
            }
            Some(b"avif" | b"avis") => "an AVIF image",
            _ => "a video (MP4/MOV)",
        });
    }
    if bytes.starts_with(b"BM") {
        return Some("a BMP image");
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Some("a TIFF image");
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some("a ZIP archive (or an Office document)");
    }
    if bytes.starts_with(&[0, 0, 1, 0]) {
        return Some("an icon (ICO)");
    }
    looks_like_text(bytes)
}

/// SVG, HTML or plain text, judged on the first KiB.
fn looks_like_text(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(1024)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // The cut at 1024 bytes may split a character; what came before it decides.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{feff}'))
    {
        return None;
    }
    let lower = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if lower.starts_with("<svg") || (lower.starts_with("<?xml") && lower.contains("<svg")) {
        Some("an SVG drawing")
    } else if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        Some("an HTML page (a saved web page, not a screenshot of it)")
    } else {
        Some("plain text")
    }
}

fn read_at_most(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    // One byte over the limit, so a file that grew since its metadata was read is still refused.
    File::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn open_error(input: &str, path: &Path, error: &io::Error) -> FieldError {
    if error.kind() == io::ErrorKind::NotFound {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        let message = match folder {
            Some(folder) if !folder.is_dir() => format!(
                "no such file: the folder {} does not exist; check the path",
                folder.display()
            ),
            _ => "no such file; check the path and the spelling of the name".to_string(),
        };
        return FieldError::new(Field::Screenshot, input, "not_found", message);
    }
    FieldError::new(
        Field::Screenshot,
        input,
        "unreadable",
        format!("cannot be read ({error}); check its permissions, or copy it somewhere readable"),
    )
}

fn not_a_file(input: &str, is_dir: bool) -> FieldError {
    let message = if is_dir {
        "is a folder; give the screenshot file inside it"
    } else {
        "not a regular file (a pipe or a device); save the screenshot to a file and give that"
    };
    FieldError::new(Field::Screenshot, input, "not_a_file", message)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
    const GIF87: &[u8] = b"GIF87a\x01\0\x01\0";
    const GIF89: &[u8] = b"GIF89a\x01\0\x01\0";
    const WEBP: &[u8] = b"RIFF\x24\0\0\0WEBPVP8 ";
    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
    const HEIC: &[u8] = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
    const MIF1: &[u8] = b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic";
    const MP4: &[u8] = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2";
    const BMP: &[u8] = b"BM\x36\0\0\0\0\0\0\0\x36\0\0\0";
    const TIFF_LE: &[u8] = b"II*\0\x08\0\0\0";
    const TIFF_BE: &[u8] = b"MM\0*\0\0\0\x08";
    const ZIP: &[u8] = b"PK\x03\x04\x14\0\0\0";
    const SVG: &[u8] = b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    const HTML: &[u8] = b"<!DOCTYPE html><html><body>OTP error</body></html>";
    const TEXT: &[u8] = b"OTP not received\n";
    const BINARY: &[u8] = &[0x00, 0x13, 0x37, 0xAB, 0xCD, 0xEF, 0x01];

    fn refused(name: &str, bytes: &[u8]) -> FieldError {
        check_screenshot(name, bytes.to_vec()).expect_err(name)
    }

    #[test]
    fn sniff_recognizes_each_accepted_type_by_magic_bytes() {
        assert_eq!(sniff(PNG), Some(ScreenshotType::Png));
        assert_eq!(sniff(JPEG), Some(ScreenshotType::Jpeg));
        assert_eq!(sniff(GIF87), Some(ScreenshotType::Gif));
        assert_eq!(sniff(GIF89), Some(ScreenshotType::Gif));
        assert_eq!(sniff(WEBP), Some(ScreenshotType::Webp));
        assert_eq!(sniff(PDF), Some(ScreenshotType::Pdf));
    }

    #[test]
    fn sniff_rejects_other_content_and_truncated_magic() {
        for bytes in [
            HEIC,
            BMP,
            TIFF_LE,
            ZIP,
            SVG,
            TEXT,
            BINARY,
            b"",
            b"\x89PNG",
            b"RIFF\0\0\0\0WAVE",
        ] {
            assert_eq!(sniff(bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn accepted_types_pass_with_a_type_and_size_note() {
        for (bytes, kind, label) in [
            (PNG, ScreenshotType::Png, "PNG image"),
            (JPEG, ScreenshotType::Jpeg, "JPEG image"),
            (GIF89, ScreenshotType::Gif, "GIF image"),
            (WEBP, ScreenshotType::Webp, "WebP image"),
            (PDF, ScreenshotType::Pdf, "PDF document"),
        ] {
            let name = format!("error.{}", kind.extensions()[0]);
            let parsed = check_screenshot(&name, bytes.to_vec()).unwrap();
            assert_eq!(parsed.value.kind, kind);
            assert_eq!(parsed.value.name, name);
            assert_eq!(parsed.value.bytes, bytes);
            assert_eq!(
                parsed.notes,
                vec![Note::info(format!("{label}, {} bytes", bytes.len()))]
            );
        }
    }

    #[test]
    fn size_note_uses_kib_and_mib() {
        assert_eq!(human_size(812), "812 bytes");
        assert_eq!(human_size(245 * 1024 + 100), "245 KiB");
        assert_eq!(human_size(2_516_582), "2.4 MiB");
        let mut bytes = PNG.to_vec();
        bytes.resize(245 * 1024, 0);
        let parsed = check_screenshot("a.png", bytes).unwrap();
        assert_eq!(parsed.notes[0].text, "PNG image, 245 KiB");
    }

    #[test]
    fn type_is_by_content_not_extension() {
        let parsed = check_screenshot("shot.png", JPEG.to_vec()).unwrap();
        assert_eq!(parsed.value.kind, ScreenshotType::Jpeg);
        assert_eq!(parsed.value.name, "shot.png");
        assert!(
            parsed.notes[1]
                .text
                .contains("named like a PNG image but the content is a JPEG")
        );
        let no_extension = check_screenshot("capture", PNG.to_vec()).unwrap();
        assert_eq!(no_extension.value.kind, ScreenshotType::Png);
        assert_eq!(no_extension.notes.len(), 1);
    }

    #[test]
    fn recognizable_unsupported_types_are_named() {
        for (bytes, looks) in [
            (HEIC, "HEIC"),
            (MIF1, "HEIC"),
            (MP4, "video"),
            (BMP, "BMP image"),
            (TIFF_LE, "TIFF image"),
            (TIFF_BE, "TIFF image"),
            (ZIP, "ZIP archive"),
            (SVG, "SVG drawing"),
            (HTML, "HTML page"),
            (TEXT, "plain text"),
        ] {
            let e = refused("capture", bytes);
            assert_eq!(e.code, "unsupported_type", "{looks}");
            assert_eq!(e.input, "capture");
            assert!(e.message.contains(looks), "{}", e.message);
            assert!(
                e.message.contains("export or save it as PNG or JPEG"),
                "{}",
                e.message
            );
        }
    }

    #[test]
    fn unknown_binary_is_unsupported_and_lists_accepted_types() {
        let e = refused("capture.bin", BINARY);
        assert_eq!(e.code, "unsupported_type");
        assert!(
            e.message.contains("PNG, JPEG, GIF, WebP or PDF"),
            "{}",
            e.message
        );
    }

    #[test]
    fn png_name_with_other_content_says_the_extension_does_not_match() {
        let e = refused("IMG_0042.PNG", HEIC);
        assert_eq!(e.code, "unsupported_type");
        assert!(
            e.message.contains("the name says PNG image"),
            "{}",
            e.message
        );
        assert!(e.message.contains("HEIC"), "{}", e.message);
        assert!(
            e.message.contains("extension does not match the content"),
            "{}",
            e.message
        );
        let garbage = refused("shot.png", BINARY);
        assert!(
            garbage.message.contains("extension does not match"),
            "{}",
            garbage.message
        );
    }

    #[test]
    fn empty_content_is_empty() {
        let e = refused("shot.png", b"");
        assert_eq!(e.code, "empty");
        assert!(
            e.message.contains("save the screenshot again"),
            "{}",
            e.message
        );
    }

    #[test]
    fn over_ten_mib_is_too_large_with_size_and_limit() {
        let mut bytes = PNG.to_vec();
        bytes.resize(MAX_SCREENSHOT_BYTES as usize + 1, 0);
        let e = check_screenshot("big.png", bytes).unwrap_err();
        assert_eq!(e.code, "too_large");
        assert!(
            e.message.contains("10.1 MiB, over the 10 MiB limit"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("crop") && e.message.contains("compress"),
            "{}",
            e.message
        );
        let mut at_limit = PNG.to_vec();
        at_limit.resize(MAX_SCREENSHOT_BYTES as usize, 0);
        assert!(check_screenshot("max.png", at_limit).is_ok());
    }

    #[test]
    fn name_is_reduced_to_a_clean_file_name() {
        assert_eq!(file_name_only("/home/me/Desktop/error.png"), "error.png");
        assert_eq!(file_name_only(r"C:\Users\me\error.png"), "error.png");
        assert_eq!(file_name_only("../../etc/passwd"), "passwd");
        assert_eq!(file_name_only("err\u{0}or\n\r\t.png"), "error.png");
        let long = format!("{}.png", "é".repeat(200));
        let short = file_name_only(&long);
        assert!(
            short.len() <= 255 && short.starts_with('é'),
            "{}",
            short.len()
        );
        let parsed = check_screenshot("dir/sub/\u{7}shot.png", PNG.to_vec()).unwrap();
        assert_eq!(parsed.value.name, "shot.png");
    }

    #[test]
    fn a_name_with_nothing_left_gets_a_default() {
        let parsed = check_screenshot("uploads/", JPEG.to_vec()).unwrap();
        assert_eq!(parsed.value.name, "screenshot.jpg");
    }

    fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.path().join(name);
        File::create(&path).unwrap().write_all(bytes).unwrap();
        path
    }

    #[test]
    fn load_reads_and_checks_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = temp_file(&dir, "error.webp", WEBP);
        let parsed = load_screenshot(&path).unwrap();
        assert_eq!(parsed.value.kind, ScreenshotType::Webp);
        assert_eq!(parsed.value.name, "error.webp");
        assert_eq!(parsed.value.bytes, WEBP);
    }

    #[test]
    fn load_errors_carry_the_path_as_given() {
        let dir = tempfile::tempdir().unwrap();
        let path = temp_file(&dir, "photo.png", HEIC);
        let e = load_screenshot(&path).unwrap_err();
        assert_eq!(e.code, "unsupported_type");
        assert_eq!(e.input, path.display().to_string());
        let empty = temp_file(&dir, "empty.png", b"");
        assert_eq!(load_screenshot(&empty).unwrap_err().code, "empty");
    }

    #[test]
    fn load_missing_file_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let e = load_screenshot(&dir.path().join("nope.png")).unwrap_err();
        assert_eq!(e.code, "not_found");
        assert!(e.message.contains("check the path"), "{}", e.message);
        let e = load_screenshot(&dir.path().join("no-folder/nope.png")).unwrap_err();
        assert_eq!(e.code, "not_found");
        assert!(
            e.message.contains("no-folder does not exist"),
            "{}",
            e.message
        );
    }

    #[test]
    fn load_directory_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = load_screenshot(dir.path()).unwrap_err();
        assert_eq!(e.code, "not_a_file");
        assert!(e.message.contains("folder"), "{}", e.message);
    }

    #[cfg(unix)]
    #[test]
    fn load_device_is_not_a_file() {
        let e = load_screenshot(Path::new("/dev/null")).unwrap_err();
        assert_eq!(e.code, "not_a_file");
        assert!(e.message.contains("not a regular file"), "{}", e.message);
    }

    #[test]
    fn load_refuses_a_huge_file_from_its_metadata_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("recording.png");
        // Sparse: 2 GiB on paper, nothing on disk; reading it would take seconds and 2 GiB of RAM.
        File::create(&path)
            .unwrap()
            .set_len(2 * 1024 * 1024 * 1024)
            .unwrap();
        let started = std::time::Instant::now();
        let e = load_screenshot(&path).unwrap_err();
        assert_eq!(e.code, "too_large");
        assert!(
            e.message.contains("2048.0 MiB, over the 10 MiB limit"),
            "{}",
            e.message
        );
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
    }

    #[test]
    fn permission_errors_are_unreadable_with_the_os_error() {
        let error = io::Error::from(io::ErrorKind::PermissionDenied);
        let e = open_error("shot.png", Path::new("shot.png"), &error);
        assert_eq!(e.code, "unreadable");
        assert!(e.message.contains("permission denied"), "{}", e.message);
        assert!(e.message.contains("check its permissions"), "{}", e.message);
    }

    #[cfg(unix)]
    #[test]
    fn load_unreadable_file_is_unreadable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = temp_file(&dir, "locked.png", PNG);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
        if File::open(&path).is_ok() {
            return; // root reads anything: nothing to prove here
        }
        let e = load_screenshot(&path).unwrap_err();
        assert_eq!(e.code, "unreadable");
        assert!(e.message.contains("os error"), "{}", e.message);
    }

    #[test]
    fn up_to_five_screenshots_are_allowed() {
        for count in 0..=MAX_SCREENSHOTS {
            assert!(check_screenshot_count(count).is_ok());
        }
    }

    #[test]
    fn more_than_five_is_too_many() {
        let e = check_screenshot_count(7).unwrap_err();
        assert_eq!(e.code, "too_many");
        assert_eq!(e.field, Field::Screenshot);
        assert_eq!(e.input, "7 files");
        assert!(
            e.message.contains("pick the 5 most telling"),
            "{}",
            e.message
        );
        assert_eq!(e.to_string().matches("7 files").count(), 1);
    }
}
