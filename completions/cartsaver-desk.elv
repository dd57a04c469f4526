
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
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Serve the desk API over HTTP until Ctrl-C or SIGTERM'
            cand token 'Issue and revoke store tokens'
            cand tickets 'Look at tickets'
            cand reply 'Answer a ticket as support (sets it `answered`)'
            cand set-status 'Set a ticket''s status: open, answered or resolved'
            cand completions 'Print a shell completion script (the same as completions/ in the project)'
            cand man 'Print the man page, or write every page (one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;serve'= {
            cand --listen 'Address to listen on, HOST:PORT; port 0 picks a free port. The first line on stdout is `listening on http://HOST:PORT`'
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;token'= {
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Issue a token for a store; it is printed once, alone, and only its hash is kept'
            cand revoke 'Revoke a token: the desk refuses it from then on (401), for every request of its store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;token;create'= {
            cand --store 'The store the token belongs to (any form `cartsaver-support --store` accepts)'
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;token;revoke'= {
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;token;help'= {
            cand create 'Issue a token for a store; it is printed once, alone, and only its hash is kept'
            cand revoke 'Revoke a token: the desk refuses it from then on (401), for every request of its store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;token;help;create'= {
        }
        &'cartsaver-desk;token;help;revoke'= {
        }
        &'cartsaver-desk;token;help;help'= {
        }
        &'cartsaver-desk;tickets'= {
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Tickets, newest first: a table, or JSON Lines with --json'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;tickets;list'= {
            cand --status 'Only tickets with this status: open, answered, resolved'
            cand --store 'Only tickets of this store'
            cand --order 'Only tickets of this order'
            cand --limit 'At most this many tickets [default: all]'
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;tickets;help'= {
            cand list 'Tickets, newest first: a table, or JSON Lines with --json'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;tickets;help;list'= {
        }
        &'cartsaver-desk;tickets;help;help'= {
        }
        &'cartsaver-desk;reply'= {
            cand --message 'The reply''s text'
            cand --message-file 'Read the reply from a file, or `-` for stdin'
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;set-status'= {
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;completions'= {
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;man'= {
            cand --dir 'Write every page into this folder instead of printing the main one'
            cand --db 'The desk database [default: desk.sqlite3 in the platform data dir]'
            cand --calendar 'The support calendar, a TOML file (business days, hours, zone, target per plan; see docs/calendar-example.toml) [default: Cartsaver''s, Sun–Thu in Africa/Cairo]'
            cand --json 'Print JSON on stdout (one object per line for lists)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-desk;help'= {
            cand serve 'Serve the desk API over HTTP until Ctrl-C or SIGTERM'
            cand token 'Issue and revoke store tokens'
            cand tickets 'Look at tickets'
            cand reply 'Answer a ticket as support (sets it `answered`)'
            cand set-status 'Set a ticket''s status: open, answered or resolved'
            cand completions 'Print a shell completion script (the same as completions/ in the project)'
            cand man 'Print the man page, or write every page (one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-desk;help;serve'= {
        }
        &'cartsaver-desk;help;token'= {
            cand create 'Issue a token for a store; it is printed once, alone, and only its hash is kept'
            cand revoke 'Revoke a token: the desk refuses it from then on (401), for every request of its store'
        }
        &'cartsaver-desk;help;token;create'= {
        }
        &'cartsaver-desk;help;token;revoke'= {
        }
        &'cartsaver-desk;help;tickets'= {
            cand list 'Tickets, newest first: a table, or JSON Lines with --json'
        }
        &'cartsaver-desk;help;tickets;list'= {
        }
        &'cartsaver-desk;help;reply'= {
        }
        &'cartsaver-desk;help;set-status'= {
        }
        &'cartsaver-desk;help;completions'= {
        }
        &'cartsaver-desk;help;man'= {
        }
        &'cartsaver-desk;help;help'= {
        }
    ]
    $completions[$command]
}
