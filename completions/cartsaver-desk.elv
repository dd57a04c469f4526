
use builtin;
use str;

set edit:completion:arg-completer[cartsaver-desk] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cartsaver-desk'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cartsaver-desk'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Serve the desk API over HTTP until Ctrl-C or SIGTERM'
            cand token 'Issue, list and revoke store tokens'
            cand tickets 'Look at tickets'
            cand attachments 'Save a ticket''s attachments, or list those an email brought that were refused'
            cand migrate 'Bring the database''s schema up to this release''s (also done by `serve` unless --no-migrate); several instances starting at once take turns'
            cand reply 'Answer a ticket as support (sets it `answered`)'
            cand set-status 'Set a ticket''s status: open, answered or resolved'
            cand completions 'Print a shell completion script (the same as completions/ in the project)'
            cand man 'Print the man page, or write every page (one per command) into a folder'
            cand store 'Register and list the email addresses of a store (mail from them files and answers its tickets)'
            cand mail 'The desk''s email: the outgoing queue'
            cand agent 'The support agents who sign in to the browser inbox at /inbox'
            cand copy 'Copy a whole desk to another database (SQLite or PostgreSQL, either way), verified'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;serve'= {
            cand --listen 'Address to listen on, HOST:PORT; port 0 picks a free port. The first line on stdout is `listening on http://HOST:PORT`'
            cand --header-timeout 'Longest wait for a request''s head (request line and headers), from the connection''s opening or the next request''s first byte'
            cand --idle-timeout 'Close a kept-alive connection after this long with no request and no traffic'
            cand --body-timeout 'Cut off a request body (408) when no byte of it arrives for this long'
            cand --body-min-rate 'Cut off a request body (408) that arrives slower than this many KiB/s on average, after its first 10 seconds'
            cand --shutdown-timeout 'After SIGTERM or Ctrl-C, how long requests in flight may take before their connections are dropped and the desk exits'
            cand --log-format 'How the one log line per request (and the desk''s other messages) are written on stderr'
            cand --metrics-listen 'Also serve Prometheus metrics at http://ADDR/metrics (port 0 picks a free port; the second stdout line is then `metrics on http://HOST:PORT/metrics`)'
            cand --max-connections 'Connections open at once; more wait in the kernel''s backlog'
            cand --pool-size 'PostgreSQL connections this process keeps (each instance has its own pool; keep the sum of all instances under the server''s max_connections)'
            cand --smtp 'Send the queued mail through this SMTP submission server: smtp://[USER@]HOST[:PORT] (STARTTLS, port 587; plain only to a loopback host) or smtps://[USER@]HOST[:PORT] (TLS, port 465). Without it the desk queues mail and sends none'
            cand --smtp-password-file 'The SMTP user''s password, read from this file (first line), if not in the --smtp URL'
            cand --mail-from 'The address the desk''s mail is from, e.g. "Cartsaver support <support@example.com>"'
            cand --mail-reply-to 'The address replies should go to (the one the desk receives on) [default: --mail-from]'
            cand --smtp-listen 'Also take incoming mail over SMTP on HOST:PORT (port 0 picks a free port; the desk then prints `smtp on HOST:PORT` after its other stdout lines), as `mail receive` takes it'
            cand --smtp-ca-file 'Trust this certificate authority (PEM) for the --smtp server''s certificate, beside the usual ones (a private mail server''s own CA)'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --no-migrate 'Do not migrate the schema at start: refuse a database behind this release instead (run `cartsaver-desk migrate` first, once, when upgrading several instances)'
            cand --cookie-secure 'Mark the inbox''s cookies `Secure` even though the desk listens on loopback: for a desk behind a TLS proxy on the same machine (on any other address they always are)'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;token'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept'
            cand list 'The tokens: id, store, created, last used, revoked, name (the machine a `login` issued it to; never the token itself)'
            cand revoke 'Revoke a token, by its id or in full: the desk refuses it from then on (401)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;token;create'= {
            cand --store 'The store the token belongs to (any form `cartsaver-support --store` accepts)'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;token;list'= {
            cand --store 'Only the tokens of this store'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;token;revoke'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;token;help'= {
            cand create 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept'
            cand list 'The tokens: id, store, created, last used, revoked, name (the machine a `login` issued it to; never the token itself)'
            cand revoke 'Revoke a token, by its id or in full: the desk refuses it from then on (401)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;token;help;create'= {
        }
        &'cartsaver-desk;token;help;list'= {
        }
        &'cartsaver-desk;token;help;revoke'= {
        }
        &'cartsaver-desk;token;help;help'= {
        }
        &'cartsaver-desk;tickets'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json'
            cand show 'One ticket whole: every field with its diagnosis, the thread, the attachments'
            cand check-pin 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;tickets;list'= {
            cand --status 'Only tickets with this status: open, answered, resolved'
            cand --store 'Only tickets of this store'
            cand --order 'Only tickets of this order'
            cand --limit 'At most this many tickets [default: all]'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --overdue 'Only tickets past their first-response due time, unanswered'
            cand --urgent 'Only URGENT tickets'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;tickets;show'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;tickets;check-pin'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;tickets;help'= {
            cand list 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json'
            cand show 'One ticket whole: every field with its diagnosis, the thread, the attachments'
            cand check-pin 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;tickets;help;list'= {
        }
        &'cartsaver-desk;tickets;help;show'= {
        }
        &'cartsaver-desk;tickets;help;check-pin'= {
        }
        &'cartsaver-desk;tickets;help;help'= {
        }
        &'cartsaver-desk;attachments'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand save 'Write a ticket''s attachments to files (names made safe; existing files are not replaced)'
            cand refused 'List the attachments an email brought that the screenshot checks refused, with why (kept for the engineer, never shown to the merchant as accepted)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;attachments;save'= {
            cand --to 'The folder to write them in (created if missing) [default: the current folder]'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;attachments;refused'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'JSON Lines: one object per refused attachment'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;attachments;help'= {
            cand save 'Write a ticket''s attachments to files (names made safe; existing files are not replaced)'
            cand refused 'List the attachments an email brought that the screenshot checks refused, with why (kept for the engineer, never shown to the merchant as accepted)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;attachments;help;save'= {
        }
        &'cartsaver-desk;attachments;help;refused'= {
        }
        &'cartsaver-desk;attachments;help;help'= {
        }
        &'cartsaver-desk;migrate'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;reply'= {
            cand --message 'The reply''s text'
            cand --message-file 'Read the reply from a file, or `-` for stdin'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;set-status'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;completions'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;man'= {
            cand --dir 'Write every page into this folder instead of printing the main one'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;store'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Register an email address for a store: its mail may file tickets for the store and reply on them, beside each ticket''s own contact email'
            cand list 'The registered addresses: store, address, since when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;store;add'= {
            cand --email 'The address to register'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;store;list'= {
            cand --store 'Only the addresses of this store'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;store;help'= {
            cand add 'Register an email address for a store: its mail may file tickets for the store and reply on them, beside each ticket''s own contact email'
            cand list 'The registered addresses: store, address, since when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;store;help;add'= {
        }
        &'cartsaver-desk;store;help;list'= {
        }
        &'cartsaver-desk;store;help;help'= {
        }
        &'cartsaver-desk;mail'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand queue 'The outgoing mail not sent yet (queued, or failed with the reason), newest first; a table, or JSON Lines with --json'
            cand receive 'Take one RFC 5322 message on stdin, as an MTA''s pipe transport delivers it: a reply on the ticket it names (from its contact or a store address), or held for the engineer'
            cand held 'The mail held for the engineer (strangers, automatic mail, mail naming no ticket), newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;mail;queue'= {
            cand --limit 'At most this many'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --all 'Also the mail already sent'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;mail;receive'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;mail;held'= {
            cand --limit 'At most this many'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;mail;help'= {
            cand queue 'The outgoing mail not sent yet (queued, or failed with the reason), newest first; a table, or JSON Lines with --json'
            cand receive 'Take one RFC 5322 message on stdin, as an MTA''s pipe transport delivers it: a reply on the ticket it names (from its contact or a store address), or held for the engineer'
            cand held 'The mail held for the engineer (strangers, automatic mail, mail naming no ticket), newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;mail;help;queue'= {
        }
        &'cartsaver-desk;mail;help;receive'= {
        }
        &'cartsaver-desk;mail;help;held'= {
        }
        &'cartsaver-desk;mail;help;help'= {
        }
        &'cartsaver-desk;agent'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add an agent of the inbox (or give one a new password, which ends their sessions); the password is typed hidden, twice, or read from --password-file'
            cand list 'The agents: email, when added'
            cand remove 'Remove an agent and end their sessions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;agent;add'= {
            cand --password-file 'Read the password from the first line of this file instead of asking (at least 12 characters); the desk keeps only its argon2id hash'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;agent;list'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;agent;remove'= {
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;agent;help'= {
            cand add 'Add an agent of the inbox (or give one a new password, which ends their sessions); the password is typed hidden, twice, or read from --password-file'
            cand list 'The agents: email, when added'
            cand remove 'Remove an agent and end their sessions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;agent;help;add'= {
        }
        &'cartsaver-desk;agent;help;list'= {
        }
        &'cartsaver-desk;agent;help;remove'= {
        }
        &'cartsaver-desk;agent;help;help'= {
        }
        &'cartsaver-desk;copy'= {
            cand --from 'The desk to copy: a SQLite file or a PostgreSQL URL (only read)'
            cand --to 'Where to copy it: a SQLite file or a PostgreSQL URL, new or empty unless --append'
            cand --from-key-file 'The source''s desk key [default: --key-file if given, else for a SQLite source its path with `.key` added; a PostgreSQL source needs one]'
            cand --to-key-file 'The target''s desk key file: written with the source''s key when it does not exist, refused when it holds another key [default: --key-file if given, else for a SQLite target its path with `.key` added; a PostgreSQL target needs one]'
            cand --db 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --key-file 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]'
            cand --append 'Add the desk to a target that holds one already: stores of the same URL are merged, every other row gets a new id; a tracking number, token or idempotency key both desks have is refused before anything is written'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;help'= {
            cand serve 'Serve the desk API over HTTP until Ctrl-C or SIGTERM'
            cand token 'Issue, list and revoke store tokens'
            cand tickets 'Look at tickets'
            cand attachments 'Save a ticket''s attachments, or list those an email brought that were refused'
            cand migrate 'Bring the database''s schema up to this release''s (also done by `serve` unless --no-migrate); several instances starting at once take turns'
            cand reply 'Answer a ticket as support (sets it `answered`)'
            cand set-status 'Set a ticket''s status: open, answered or resolved'
            cand completions 'Print a shell completion script (the same as completions/ in the project)'
            cand man 'Print the man page, or write every page (one per command) into a folder'
            cand store 'Register and list the email addresses of a store (mail from them files and answers its tickets)'
            cand mail 'The desk''s email: the outgoing queue'
            cand agent 'The support agents who sign in to the browser inbox at /inbox'
            cand copy 'Copy a whole desk to another database (SQLite or PostgreSQL, either way), verified'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;help;serve'= {
        }
        &'cartsaver-desk;help;token'= {
            cand create 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept'
            cand list 'The tokens: id, store, created, last used, revoked, name (the machine a `login` issued it to; never the token itself)'
            cand revoke 'Revoke a token, by its id or in full: the desk refuses it from then on (401)'
        }
        &'cartsaver-desk;help;token;create'= {
        }
        &'cartsaver-desk;help;token;list'= {
        }
        &'cartsaver-desk;help;token;revoke'= {
        }
        &'cartsaver-desk;help;tickets'= {
            cand list 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json'
            cand show 'One ticket whole: every field with its diagnosis, the thread, the attachments'
            cand check-pin 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it'
        }
        &'cartsaver-desk;help;tickets;list'= {
        }
        &'cartsaver-desk;help;tickets;show'= {
        }
        &'cartsaver-desk;help;tickets;check-pin'= {
        }
        &'cartsaver-desk;help;attachments'= {
            cand save 'Write a ticket''s attachments to files (names made safe; existing files are not replaced)'
            cand refused 'List the attachments an email brought that the screenshot checks refused, with why (kept for the engineer, never shown to the merchant as accepted)'
        }
        &'cartsaver-desk;help;attachments;save'= {
        }
        &'cartsaver-desk;help;attachments;refused'= {
        }
        &'cartsaver-desk;help;migrate'= {
        }
        &'cartsaver-desk;help;reply'= {
        }
        &'cartsaver-desk;help;set-status'= {
        }
        &'cartsaver-desk;help;completions'= {
        }
        &'cartsaver-desk;help;man'= {
        }
        &'cartsaver-desk;help;store'= {
            cand add 'Register an email address for a store: its mail may file tickets for the store and reply on them, beside each ticket''s own contact email'
            cand list 'The registered addresses: store, address, since when'
        }
        &'cartsaver-desk;help;store;add'= {
        }
        &'cartsaver-desk;help;store;list'= {
        }
        &'cartsaver-desk;help;mail'= {
            cand queue 'The outgoing mail not sent yet (queued, or failed with the reason), newest first; a table, or JSON Lines with --json'
            cand receive 'Take one RFC 5322 message on stdin, as an MTA''s pipe transport delivers it: a reply on the ticket it names (from its contact or a store address), or held for the engineer'
            cand held 'The mail held for the engineer (strangers, automatic mail, mail naming no ticket), newest first'
        }
        &'cartsaver-desk;help;mail;queue'= {
        }
        &'cartsaver-desk;help;mail;receive'= {
        }
        &'cartsaver-desk;help;mail;held'= {
        }
        &'cartsaver-desk;help;agent'= {
            cand add 'Add an agent of the inbox (or give one a new password, which ends their sessions); the password is typed hidden, twice, or read from --password-file'
            cand list 'The agents: email, when added'
            cand remove 'Remove an agent and end their sessions'
        }
        &'cartsaver-desk;help;agent;add'= {
        }
        &'cartsaver-desk;help;agent;list'= {
        }
        &'cartsaver-desk;help;agent;remove'= {
        }
        &'cartsaver-desk;help;copy'= {
        }
        &'cartsaver-desk;help;help'= {
        }
    ]
    $completions[$command]
}
