# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cartsaver_desk_global_optspecs
    string join \n db= calendar= key-file= json h/help V/version
end

function __fish_cartsaver_desk_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cartsaver_desk_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cartsaver_desk_using_subcommand
    set -l cmd (__fish_cartsaver_desk_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "serve" -d 'Serve the desk API over HTTP until Ctrl-C or SIGTERM'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "token" -d 'Issue, list and revoke store tokens'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "tickets" -d 'Look at tickets'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "attachments" -d 'Save a ticket\'s attachments'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "reply" -d 'Answer a ticket as support (sets it `answered`)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "set-status" -d 'Set a ticket\'s status: open, answered or resolved'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "completions" -d 'Print a shell completion script (the same as completions/ in the project)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "man" -d 'Print the man page, or write every page (one per command) into a folder'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l listen -d 'Address to listen on, HOST:PORT; port 0 picks a free port. The first line on stdout is `listening on http://HOST:PORT`' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l header-timeout -d 'Longest wait for a request\'s head (request line and headers), from the connection\'s opening or the next request\'s first byte' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l idle-timeout -d 'Close a kept-alive connection after this long with no request and no traffic' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l body-timeout -d 'Cut off a request body (408) when no byte of it arrives for this long' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l body-min-rate -d 'Cut off a request body (408) that arrives slower than this many KiB/s on average, after its first 10 seconds' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l shutdown-timeout -d 'After SIGTERM or Ctrl-C, how long requests in flight may take before their connections are dropped and the desk exits' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l log-format -d 'How the one log line per request (and the desk\'s other messages) are written on stderr' -r -f -a "text\t''
json\t''"
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l metrics-listen -d 'Also serve Prometheus metrics at http://ADDR/metrics (port 0 picks a free port; the second stdout line is then `metrics on http://HOST:PORT/metrics`)' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l max-connections -d 'Connections open at once; more wait in the kernel\'s backlog' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand serve" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'The tokens: id, store, created, last used, revoked (never the token itself)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke a token, by its id or in full: the desk refuses it from then on (401)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from create" -l store -d 'The store the token belongs to (any form `cartsaver-support --store` accepts)' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from create" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from create" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from create" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from create" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from list" -l store -d 'Only the tokens of this store' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from list" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from list" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from list" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from list" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from revoke" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from revoke" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from revoke" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from revoke" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'The tokens: id, store, created, last used, revoked (never the token itself)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token, by its id or in full: the desk refuses it from then on (401)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -f -a "list" -d 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -f -a "show" -d 'One ticket whole: every field with its diagnosis, the thread, the attachments'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -f -a "check-pin" -d 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and not __fish_seen_subcommand_from list show check-pin help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l status -d 'Only tickets with this status: open, answered, resolved' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l store -d 'Only tickets of this store' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l order -d 'Only tickets of this order' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l limit -d 'At most this many tickets [default: all]' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l overdue -d 'Only tickets past their first-response due time, unanswered'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l urgent -d 'Only URGENT tickets'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from show" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from show" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from show" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from show" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from check-pin" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from check-pin" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from check-pin" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from check-pin" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from check-pin" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from check-pin" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "list" -d 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "show" -d 'One ticket whole: every field with its diagnosis, the thread, the attachments'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "check-pin" -d 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and not __fish_seen_subcommand_from save help" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and not __fish_seen_subcommand_from save help" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and not __fish_seen_subcommand_from save help" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and not __fish_seen_subcommand_from save help" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and not __fish_seen_subcommand_from save help" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and not __fish_seen_subcommand_from save help" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and not __fish_seen_subcommand_from save help" -f -a "save" -d 'Write a ticket\'s attachments to files (names made safe; existing files are not replaced)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and not __fish_seen_subcommand_from save help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from save" -l to -d 'The folder to write them in (created if missing) [default: the current folder]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from save" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from save" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from save" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from save" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from save" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from help" -f -a "save" -d 'Write a ticket\'s attachments to files (names made safe; existing files are not replaced)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand attachments; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand reply" -l message -d 'The reply\'s text' -r
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand reply" -l message-file -d 'Read the reply from a file, or `-` for stdin' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand reply" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand reply" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand reply" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand reply" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand reply" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand reply" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand set-status" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand set-status" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand set-status" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand set-status" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand set-status" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand set-status" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand completions" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand completions" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand completions" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand completions" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand completions" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand completions" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand man" -l dir -d 'Write every page into this folder instead of printing the main one' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand man" -l db -d 'The desk database [default: desk.sqlite3 in the platform data dir]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand man" -l calendar -d 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver\'s, Sun–Thu in Africa/Cairo]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand man" -l key-file -d 'The desk key, which keys the hashes of PINs and idempotency keys; keep it with the database\'s backups [default: the database path with `.key` added]' -r -F
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand man" -l json -d 'Print JSON on stdout (one object per line for lists)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand man" -s h -l help -d 'Print help'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand man" -s V -l version -d 'Print version'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "serve" -d 'Serve the desk API over HTTP until Ctrl-C or SIGTERM'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "token" -d 'Issue, list and revoke store tokens'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "tickets" -d 'Look at tickets'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "attachments" -d 'Save a ticket\'s attachments'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "reply" -d 'Answer a ticket as support (sets it `answered`)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "set-status" -d 'Set a ticket\'s status: open, answered or resolved'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "completions" -d 'Print a shell completion script (the same as completions/ in the project)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "man" -d 'Print the man page, or write every page (one per command) into a folder'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and not __fish_seen_subcommand_from serve token tickets attachments reply set-status completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Issue a token for a store; it is printed once, alone, on stdout (its id on stderr), and only its hash is kept'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'The tokens: id, store, created, last used, revoked (never the token itself)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token, by its id or in full: the desk refuses it from then on (401)'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "list" -d 'Tickets by first-response due time, soonest first: a table, or JSON Lines with --json'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "show" -d 'One ticket whole: every field with its diagnosis, the thread, the attachments'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "check-pin" -d 'Check a support PIN a merchant tells you against the one given with the ticket (exit 0 when it matches, 1 when not); the desk keeps only a keyed hash of it'
complete -c cartsaver-desk -n "__fish_cartsaver_desk_using_subcommand help; and __fish_seen_subcommand_from attachments" -f -a "save" -d 'Write a ticket\'s attachments to files (names made safe; existing files are not replaced)'
