//! Email, SPEC §9: what the desk writes to a merchant (`compose`: subjects and bodies from a
//! ticket, no SQL, no SMTP), how a queued mail goes out (`send`: lettre over SMTP), and how an
//! incoming message is read (`receive`: mail-parser; `quote`: the new text of a reply). The queue
//! itself is the desk's (`desk/mail/queue.rs`): a mail is a row written in the transaction of the
//! event it tells of.

pub mod checklist;
pub mod compose;
pub mod quote;
pub mod receive;
pub mod send;

/// The header that marks mail the desk wrote, so that mail coming back (an auto-reply to an
/// auto-reply) is recognized as a loop and answered by nothing.
pub const LOOP_HEADER: &str = "X-Cartsaver-Loop";

/// The value of [`LOOP_HEADER`].
pub const LOOP_VALUE: &str = "cartsaver-desk";

/// A line at the top of every mail body; a reply's text above it is the merchant's, the rest is
/// quoted.
pub const REPLY_ABOVE: &str = "## Reply above this line to add to the ticket ##";
