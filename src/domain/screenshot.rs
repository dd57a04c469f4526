//! `screenshot`: image or PDF attachments, checked by content (magic bytes) and size.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{FieldError, Parsed};

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

    pub fn mime(self) -> &'static str {
        match self {
            ScreenshotType::Png => "image/png",
            ScreenshotType::Jpeg => "image/jpeg",
            ScreenshotType::Gif => "image/gif",
            ScreenshotType::Webp => "image/webp",
            ScreenshotType::Pdf => "application/pdf",
        }
    }
}

/// What the first bytes of a file say it is, if it is one of the accepted types.
pub fn sniff(bytes: &[u8]) -> Option<ScreenshotType> {
    let _ = bytes;
    todo!()
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
    let _ = (name, bytes);
    todo!()
}

/// Read and check a file: it must exist, be a regular file, be at most 10 MiB (checked before
/// reading) and be an accepted type by content.
pub fn load_screenshot(path: &Path) -> Result<Parsed<Screenshot>, FieldError> {
    let _ = path;
    todo!()
}

/// At most [`MAX_SCREENSHOTS`] per ticket or message.
pub fn check_screenshot_count(count: usize) -> Result<(), FieldError> {
    let _ = count;
    todo!()
}
