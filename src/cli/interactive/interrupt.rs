//! Ctrl-C while the merchant is being asked. dialoguer reads keys in raw mode through `console`,
//! which on Ctrl-C puts the terminal mode back and raises SIGINT; a hidden PIN is read with echo
//! off; a select hides the cursor. Left to the default action, SIGINT would kill the process with
//! the cursor hidden or echo off. The handler puts the terminal back as it was when prompting
//! began, shows the cursor, says whether anything was sent, and exits 130.

use std::io::Write;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

static INSTALL: Once = Once::new();
static LEAVING: AtomicBool = AtomicBool::new(false);
static SENDING: AtomicBool = AtomicBool::new(false);

/// Install the handler (once) and remember the terminal's mode to restore.
pub fn guard() {
    INSTALL.call_once(|| {
        terminal::save();
        // If another handler is already installed we keep it; prompting still works.
        let _ = ctrlc::set_handler(leave);
    });
}

/// From here on a Ctrl-C may interrupt a request in flight: say so rather than "nothing sent".
pub fn sending(on: bool) {
    SENDING.store(on, Ordering::SeqCst);
}

/// Restore the terminal and exit 130. Called from the signal thread, and from the prompt that
/// saw the Ctrl-C key; the first caller exits, a second one waits for it.
pub fn leave() {
    if LEAVING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    terminal::restore();
    let _ = console::Term::stderr().show_cursor();
    let message = if SENDING.load(Ordering::SeqCst) {
        "interrupted while sending; run `cartsaver-support list` to see whether the ticket was filed"
    } else {
        "interrupted; nothing was sent"
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "\n{message}");
    let _ = err.flush();
    std::process::exit(crate::exit::ExitStatus::Interrupted.code().into());
}

#[cfg(unix)]
mod terminal {
    use std::sync::OnceLock;

    static SAVED: OnceLock<libc::termios> = OnceLock::new();

    pub fn save() {
        let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills the struct when it returns 0; we read it only then.
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, termios.as_mut_ptr()) } == 0 {
            let _ = SAVED.set(unsafe { termios.assume_init() });
        }
    }

    pub fn restore() {
        if let Some(termios) = SAVED.get() {
            // SAFETY: a termios struct that tcgetattr filled for this same descriptor.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, termios);
            }
        }
    }
}

#[cfg(not(unix))]
mod terminal {
    pub fn save() {}
    pub fn restore() {}
}
