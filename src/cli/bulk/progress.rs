//! The progress bar of a bulk run: on stderr, only when stderr is a terminal and not `--quiet`;
//! rows done of rows to send, the rate and the time left.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// The bar, or a hidden one when `shown` is false (the printer's `shows_progress`).
pub fn bar(rows: u64, shown: bool) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
    // No colour in the template: `--color never` and NO_COLOR then need no special case.
    let style = ProgressStyle::with_template(
        "{elapsed:>4} [{bar:32}] {pos}/{len} rows · {rate} · ETA {eta}",
    )
    .expect("a valid template")
    .with_key(
        "rate",
        |state: &ProgressState, out: &mut dyn std::fmt::Write| {
            let _ = write!(out, "{:.0} rows/s", state.per_sec());
        },
    )
    .progress_chars("=> ");
    let bar =
        ProgressBar::with_draw_target(Some(rows), ProgressDrawTarget::stderr()).with_style(style);
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}
