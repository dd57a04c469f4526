
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cartsaver-desk' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cartsaver-desk'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cartsaver-desk' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the desk API over HTTP until Ctrl-C or SIGTERM')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Issue, list and revoke store tokens')
            [CompletionResult]::new('tickets', 'tickets', [CompletionResultType]::ParameterValue, 'Look at tickets')
            [CompletionResult]::new('attachments', 'attachments', [CompletionResultType]::ParameterValue, 'Save a ticket''s attachments, or list those an email brought that were refused')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring the database''s schema up to this release''s (also done by `serve` unless --no-migrate); several instances starting at once take turns')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Answer a ticket as support (sets it `answered`)')
            [CompletionResult]::new('set-status', 'set-status', [CompletionResultType]::ParameterValue, 'Set a ticket''s status: open, answered or resolved')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (the same as completions/ in the project)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page (one per command) into a folder')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Register and list the email addresses of a store (mail from them files and answers its tickets)')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'The desk''s email: the outgoing queue')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'The support agents who sign in to the browser inbox at /inbox')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a whole desk to another database (SQLite or PostgreSQL, either way), verified')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on, HOST:PORT; port 0 picks a free port. The first line on stdout is `listening on http://HOST:PORT`')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Longest wait for a request''s head (request line and headers), from the connection''s opening or the next request''s first byte')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Close a kept-alive connection after this long with no request and no traffic')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Cut off a request body (408) when no byte of it arrives for this long')
            [CompletionResult]::new('--body-min-rate', '--body-min-rate', [CompletionResultType]::ParameterName, 'Cut off a request body (408) that arrives slower than this many KiB/s on average, after its first 10 seconds')
            [CompletionResult]::new('--shutdown-timeout', '--shutdown-timeout', [CompletionResultType]::ParameterName, 'After SIGTERM or Ctrl-C, how long requests in flight may take before their connections are dropped and the desk exits')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'How the one log line per request (and the desk''s other messages) are written on stderr')
            [CompletionResult]::new('--metrics-listen', '--metrics-listen', [CompletionResultType]::ParameterName, 'Also serve Prometheus metrics at http://ADDR/metrics (port 0 picks a free port; the second stdout line is then `metrics on http://HOST:PORT/metrics`)')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections open at once; more wait in the kernel''s backlog')
            [CompletionResult]::new('--pool-size', '--pool-size', [CompletionResultType]::ParameterName, 'PostgreSQL connections this process keeps (each instance has its own pool; keep the sum of all instances under the server''s max_connections)')
            [CompletionResult]::new('--smtp', '--smtp', [CompletionResultType]::ParameterName, 'Send the queued mail through this SMTP submission server: smtp://[USER@]HOST[:PORT] (STARTTLS, port 587; plain only to a loopback host) or smtps://[USER@]HOST[:PORT] (TLS, port 465). Without it the desk queues mail and sends none')
            [CompletionResult]::new('--smtp-password-file', '--smtp-password-file', [CompletionResultType]::ParameterName, 'The SMTP user''s password, read from this file (first line), if not in the --smtp URL')
            [CompletionResult]::new('--mail-from', '--mail-from', [CompletionResultType]::ParameterName, 'The address the desk''s mail is from, e.g. "Cartsaver support <support@example.com>"')
            [CompletionResult]::new('--mail-reply-to', '--mail-reply-to', [CompletionResultType]::ParameterName, 'The address replies should go to (the one the desk receives on) [default: --mail-from]')
            [CompletionResult]::new('--smtp-listen', '--smtp-listen', [CompletionResultType]::ParameterName, 'Also take incoming mail over SMTP on HOST:PORT (port 0 picks a free port; the desk then prints `smtp on HOST:PORT` after its other stdout lines), as `mail receive` takes it')
            [CompletionResult]::new('--smtp-ca-file', '--smtp-ca-file', [CompletionResultType]::ParameterName, 'Trust this certificate authority (PEM) for the --smtp server''s certificate, beside the usual ones (a private mail server''s own CA)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--no-migrate', '--no-migrate', [CompletionResultType]::ParameterName, 'Do not migrate the schema at start: refuse a database behind this release instead (run `cartsaver-desk migrate` first, once, when upgrading several instances)')
            [CompletionResult]::new('--cookie-secure', '--cookie-secure', [CompletionResultType]::ParameterName, 'Mark the inbox''s cookies `Secure` even though the desk listens on loopback: for a desk behind a TLS proxy on the same machine (on any other address they always are)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;token' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The tokens: id, store, created, last used, revoked, name (the machine a `login` issued it to; never the token itself)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token, by its id or in full: the desk refuses it from then on (401)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;token;create' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store the token belongs to (any form `cartsaver-support --store` accepts)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;token;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Only the tokens of this store')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;token;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The tokens: id, store, created, last used, revoked, name (the machine a `login` issued it to; never the token itself)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token, by its id or in full: the desk refuses it from then on (401)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;token;help;create' {
            break
        }
        'cartsaver-desk;token;help;list' {
            break
        }
        'cartsaver-desk;token;help;revoke' {
            break
        }
        'cartsaver-desk;token;help;help' {
            break
        }
        'cartsaver-desk;tickets' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One ticket whole: every field with its diagnosis, the thread, the attachments')
            [CompletionResult]::new('check-pin', 'check-pin', [CompletionResultType]::ParameterValue, 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;tickets;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only tickets with this status: open, answered, resolved')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Only tickets of this store')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Only tickets of this order')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many tickets [default: all]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only tickets past their first-response due time, unanswered')
            [CompletionResult]::new('--urgent', '--urgent', [CompletionResultType]::ParameterName, 'Only URGENT tickets')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;tickets;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;tickets;check-pin' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;tickets;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One ticket whole: every field with its diagnosis, the thread, the attachments')
            [CompletionResult]::new('check-pin', 'check-pin', [CompletionResultType]::ParameterValue, 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;tickets;help;list' {
            break
        }
        'cartsaver-desk;tickets;help;show' {
            break
        }
        'cartsaver-desk;tickets;help;check-pin' {
            break
        }
        'cartsaver-desk;tickets;help;help' {
            break
        }
        'cartsaver-desk;attachments' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Write a ticket''s attachments to files (names made safe; existing files are not replaced)')
            [CompletionResult]::new('refused', 'refused', [CompletionResultType]::ParameterValue, 'List the attachments an email brought that the screenshot checks refused, with why (kept for the engineer, never shown to the merchant as accepted)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;attachments;save' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The folder to write them in (created if missing) [default: the current folder]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;attachments;refused' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON Lines: one object per refused attachment')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;attachments;help' {
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Write a ticket''s attachments to files (names made safe; existing files are not replaced)')
            [CompletionResult]::new('refused', 'refused', [CompletionResultType]::ParameterValue, 'List the attachments an email brought that the screenshot checks refused, with why (kept for the engineer, never shown to the merchant as accepted)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;attachments;help;save' {
            break
        }
        'cartsaver-desk;attachments;help;refused' {
            break
        }
        'cartsaver-desk;attachments;help;help' {
            break
        }
        'cartsaver-desk;migrate' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;reply' {
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The reply''s text')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the reply from a file, or `-` for stdin')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;set-status' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page into this folder instead of printing the main one')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;store' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register an email address for a store: its mail may file tickets for the store and reply on them, beside each ticket''s own contact email')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The registered addresses: store, address, since when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;store;add' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The address to register')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;store;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Only the addresses of this store')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;store;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register an email address for a store: its mail may file tickets for the store and reply on them, beside each ticket''s own contact email')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The registered addresses: store, address, since when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;store;help;add' {
            break
        }
        'cartsaver-desk;store;help;list' {
            break
        }
        'cartsaver-desk;store;help;help' {
            break
        }
        'cartsaver-desk;mail' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The outgoing mail not sent yet (queued, or failed with the reason), newest first; a table, or JSON Lines with --json')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'Take one RFC 5322 message on stdin, as an MTA''s pipe transport delivers it: a reply on the ticket it names (from its contact or a store address), or held for the engineer')
            [CompletionResult]::new('held', 'held', [CompletionResultType]::ParameterValue, 'The mail held for the engineer (strangers, automatic mail, mail naming no ticket), newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;mail;queue' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also the mail already sent')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;mail;receive' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;mail;held' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;mail;help' {
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The outgoing mail not sent yet (queued, or failed with the reason), newest first; a table, or JSON Lines with --json')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'Take one RFC 5322 message on stdin, as an MTA''s pipe transport delivers it: a reply on the ticket it names (from its contact or a store address), or held for the engineer')
            [CompletionResult]::new('held', 'held', [CompletionResultType]::ParameterValue, 'The mail held for the engineer (strangers, automatic mail, mail naming no ticket), newest first')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;mail;help;queue' {
            break
        }
        'cartsaver-desk;mail;help;receive' {
            break
        }
        'cartsaver-desk;mail;help;held' {
            break
        }
        'cartsaver-desk;mail;help;help' {
            break
        }
        'cartsaver-desk;agent' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an agent of the inbox (or give one a new password, which ends their sessions); the password is typed hidden, twice, or read from --password-file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The agents: email, when added')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent and end their sessions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;agent;add' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the first line of this file instead of asking (at least 12 characters); the desk keeps only its argon2id hash')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;agent;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;agent;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;agent;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an agent of the inbox (or give one a new password, which ends their sessions); the password is typed hidden, twice, or read from --password-file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The agents: email, when added')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent and end their sessions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;agent;help;add' {
            break
        }
        'cartsaver-desk;agent;help;list' {
            break
        }
        'cartsaver-desk;agent;help;remove' {
            break
        }
        'cartsaver-desk;agent;help;help' {
            break
        }
        'cartsaver-desk;copy' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The desk to copy: a SQLite file or a PostgreSQL URL (only read)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to copy it: a SQLite file or a PostgreSQL URL, new or empty unless --append')
            [CompletionResult]::new('--from-key-file', '--from-key-file', [CompletionResultType]::ParameterName, 'The source''s desk key [default: --key-file if given, else for a SQLite source its path with `.key` added; a PostgreSQL source needs one]')
            [CompletionResult]::new('--to-key-file', '--to-key-file', [CompletionResultType]::ParameterName, 'The target''s desk key file: written with the source''s key when it does not exist, refused when it holds another key [default: --key-file if given, else for a SQLite target its path with `.key` added; a PostgreSQL target needs one]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The desk database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE; a password is better kept in CARTSAVER_DESK_DB than on the command line) [default: desk.sqlite3 in the platform data dir]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]')
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database''s backups. PostgreSQL needs it given, the same file on every instance [default for SQLite: the database path with `.key` added]')
            [CompletionResult]::new('--append', '--append', [CompletionResultType]::ParameterName, 'Add the desk to a target that holds one already: stores of the same URL are merged, every other row gets a new id; a tracking number, token or idempotency key both desks have is refused before anything is written')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout (one object per line for lists)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-desk;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the desk API over HTTP until Ctrl-C or SIGTERM')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Issue, list and revoke store tokens')
            [CompletionResult]::new('tickets', 'tickets', [CompletionResultType]::ParameterValue, 'Look at tickets')
            [CompletionResult]::new('attachments', 'attachments', [CompletionResultType]::ParameterValue, 'Save a ticket''s attachments, or list those an email brought that were refused')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring the database''s schema up to this release''s (also done by `serve` unless --no-migrate); several instances starting at once take turns')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Answer a ticket as support (sets it `answered`)')
            [CompletionResult]::new('set-status', 'set-status', [CompletionResultType]::ParameterValue, 'Set a ticket''s status: open, answered or resolved')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (the same as completions/ in the project)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page (one per command) into a folder')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Register and list the email addresses of a store (mail from them files and answers its tickets)')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'The desk''s email: the outgoing queue')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'The support agents who sign in to the browser inbox at /inbox')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy a whole desk to another database (SQLite or PostgreSQL, either way), verified')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-desk;help;serve' {
            break
        }
        'cartsaver-desk;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The tokens: id, store, created, last used, revoked, name (the machine a `login` issued it to; never the token itself)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token, by its id or in full: the desk refuses it from then on (401)')
            break
        }
        'cartsaver-desk;help;token;create' {
            break
        }
        'cartsaver-desk;help;token;list' {
            break
        }
        'cartsaver-desk;help;token;revoke' {
            break
        }
        'cartsaver-desk;help;tickets' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One ticket whole: every field with its diagnosis, the thread, the attachments')
            [CompletionResult]::new('check-pin', 'check-pin', [CompletionResultType]::ParameterValue, 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it')
            break
        }
        'cartsaver-desk;help;tickets;list' {
            break
        }
        'cartsaver-desk;help;tickets;show' {
            break
        }
        'cartsaver-desk;help;tickets;check-pin' {
            break
        }
        'cartsaver-desk;help;attachments' {
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Write a ticket''s attachments to files (names made safe; existing files are not replaced)')
            [CompletionResult]::new('refused', 'refused', [CompletionResultType]::ParameterValue, 'List the attachments an email brought that the screenshot checks refused, with why (kept for the engineer, never shown to the merchant as accepted)')
            break
        }
        'cartsaver-desk;help;attachments;save' {
            break
        }
        'cartsaver-desk;help;attachments;refused' {
            break
        }
        'cartsaver-desk;help;migrate' {
            break
        }
        'cartsaver-desk;help;reply' {
            break
        }
        'cartsaver-desk;help;set-status' {
            break
        }
        'cartsaver-desk;help;completions' {
            break
        }
        'cartsaver-desk;help;man' {
            break
        }
        'cartsaver-desk;help;store' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register an email address for a store: its mail may file tickets for the store and reply on them, beside each ticket''s own contact email')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The registered addresses: store, address, since when')
            break
        }
        'cartsaver-desk;help;store;add' {
            break
        }
        'cartsaver-desk;help;store;list' {
            break
        }
        'cartsaver-desk;help;mail' {
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The outgoing mail not sent yet (queued, or failed with the reason), newest first; a table, or JSON Lines with --json')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'Take one RFC 5322 message on stdin, as an MTA''s pipe transport delivers it: a reply on the ticket it names (from its contact or a store address), or held for the engineer')
            [CompletionResult]::new('held', 'held', [CompletionResultType]::ParameterValue, 'The mail held for the engineer (strangers, automatic mail, mail naming no ticket), newest first')
            break
        }
        'cartsaver-desk;help;mail;queue' {
            break
        }
        'cartsaver-desk;help;mail;receive' {
            break
        }
        'cartsaver-desk;help;mail;held' {
            break
        }
        'cartsaver-desk;help;agent' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an agent of the inbox (or give one a new password, which ends their sessions); the password is typed hidden, twice, or read from --password-file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The agents: email, when added')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent and end their sessions')
            break
        }
        'cartsaver-desk;help;agent;add' {
            break
        }
        'cartsaver-desk;help;agent;list' {
            break
        }
        'cartsaver-desk;help;agent;remove' {
            break
        }
        'cartsaver-desk;help;copy' {
            break
        }
        'cartsaver-desk;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
