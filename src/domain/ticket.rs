//! A whole ticket: the raw checklist as given (flags, prompts, a bulk row, an API body), its
//! validation into normalized fields with every error of the run at once, and the subject line.
