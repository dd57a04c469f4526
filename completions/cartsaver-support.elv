
use builtin;
use str;

set edit:completion:arg-completer[cartsaver-support] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cartsaver-support'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cartsaver-support'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand new 'File a ticket and print its tracking number; at a terminal, asks for what the flags leave out'
            cand check 'Validate and diagnose checklist fields; sends nothing'
            cand status 'Show tickets: status, subject, times, due time and the message thread'
            cand reply 'Add a follow-up message to a ticket'
            cand resolve 'Mark a ticket resolved'
            cand bulk 'File many tickets from a CSV or JSON Lines file: all rows validated first, re-runnable'
            cand list 'List tickets, newest first'
            cand dashboard 'Counts by status, median first response, overdue tickets, recent activity'
            cand doctor 'Check this machine''s setup: config, desk reachability, token, TLS, clock skew'
            cand config 'Show or change the config file: store, email, plan, region, desk, token'
            cand login 'Log in to a remote desk with a code mailed to an address registered for the store'
            cand logout 'Revoke this machine''s store token on the desk and remove it from the config file'
            cand watch 'Wait until support answers on any of the tickets, then show it as `status` does'
            cand outbox 'Tickets `new` could not deliver to the desk: list them, send them, drop one'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page, or write every page (one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-support;new'= {
            cand --store 'Shopify store: my-shop.myshopify.com, any URL on it, or its admin URL'
            cand --order 'Order number as shown in the Shopify admin: 1052, #1052, #EG1052'
            cand --phone 'Customer phone, international: +201001234567 (or national, with --region)'
            cand --region 'Country of a phone number written without +country code: EG, SA, IN'
            cand --channel 'OTP channel (WhatsApp, wa and SMS are read too)'
            cand --at 'When it happened, UTC ISO 8601: 2026-11-20T14:03:00Z, an offset, or `now`'
            cand --screenshot 'Screenshot of the error: PNG, JPEG, GIF, WebP or PDF, ≤ 10 MiB (repeatable, at most 5)'
            cand --tried 'A step already tried (repeatable); `none` if nothing was tried'
            cand --tried-file 'Read the steps tried from a file, one per line (`-` for stdin)'
            cand --summary 'One-line summary, 3–120 characters [default: OTP not arriving via <channel>]'
            cand --details 'Free text: expected vs actual, error messages'
            cand --details-file 'Read the details from a file (`-` for stdin)'
            cand --email 'Contact email for replies'
            cand --plan 'Cartsaver plan'
            cand --pin 'Support PIN, 4–12 letters or digits (never printed in full)'
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --urgent 'Mark URGENT (Scale plan, or with --outage)'
            cand --outage 'An outage prevents orders entirely'
            cand --allow-access 'Allow support to open the store account'
            cand --dry-run 'Show the ticket that would be sent, and send nothing'
            cand --force-new 'File even if the store and order already have an open ticket'
            cand --no-outbox 'When the desk cannot be reached, fail instead of keeping the ticket in the outbox'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;check'= {
            cand --store 'Shopify store: my-shop.myshopify.com, any URL on it, or its admin URL'
            cand --order 'Order number as shown in the Shopify admin: 1052, #1052, #EG1052'
            cand --phone 'Customer phone, international: +201001234567 (or national, with --region)'
            cand --region 'Country of a phone number written without +country code: EG, SA, IN'
            cand --channel 'OTP channel (WhatsApp, wa and SMS are read too)'
            cand --at 'When it happened, UTC ISO 8601: 2026-11-20T14:03:00Z, an offset, or `now`'
            cand --screenshot 'Screenshot of the error: PNG, JPEG, GIF, WebP or PDF, ≤ 10 MiB (repeatable, at most 5)'
            cand --tried 'A step already tried (repeatable); `none` if nothing was tried'
            cand --tried-file 'Read the steps tried from a file, one per line (`-` for stdin)'
            cand --summary 'One-line summary, 3–120 characters [default: OTP not arriving via <channel>]'
            cand --details 'Free text: expected vs actual, error messages'
            cand --details-file 'Read the details from a file (`-` for stdin)'
            cand --email 'Contact email for replies'
            cand --plan 'Cartsaver plan'
            cand --pin 'Support PIN, 4–12 letters or digits (never printed in full)'
            cand --tracking 'A tracking number to check: CS-XXX-XXX-XXX'
            cand --file 'Validate a bulk file (CSV or JSON Lines, `-` for stdin) as `bulk` would; sends nothing. --store, --plan, --email and --region fill its empty cells'
            cand --format 'Format of --file [default: by extension, else by content]'
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --urgent 'Mark URGENT (Scale plan, or with --outage)'
            cand --outage 'An outage prevents orders entirely'
            cand --allow-access 'Allow support to open the store account'
            cand --strict 'With --file: a row with a warning (a landline, an old time, an email typo) is invalid'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;status'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;reply'= {
            cand -m 'The message'
            cand --message 'The message'
            cand --message-file 'Read the message from a file (`-` for stdin)'
            cand --screenshot 'A screenshot to attach (repeatable, at most 5)'
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;resolve'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;bulk'= {
            cand --format 'Input format [default: by extension (.csv, .jsonl, .ndjson), else by content]'
            cand --store 'Store for rows whose `store` cell is empty'
            cand --plan 'Plan for rows whose `plan` cell is empty'
            cand --email 'Contact email for rows whose `email` cell is empty'
            cand --region 'Country for phone numbers written without a country code, when `region` is empty'
            cand --rejects 'Where --skip-invalid writes invalid rows, in the input''s format [default: next to the input, `NAME.rejects.csv` or `NAME.rejects.jsonl`]'
            cand --results 'Write the results here instead of stdout'
            cand --concurrency 'Requests in flight at once (1–64)'
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --skip-invalid 'Send the valid rows and write the invalid ones to a rejects file'
            cand --force-new 'File rows even when their store and order already have an open ticket'
            cand --allow-outside-paths 'Let `screenshot` paths leave the bulk file''s folder (absolute paths, `..`); only for a file you wrote yourself'
            cand --strict 'A row with a warning (a landline, an old time, an email typo) is invalid, not sent'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;list'= {
            cand --status 'Only tickets with this status'
            cand --order 'Only tickets of this order: 1052, #1052'
            cand --limit 'At most this many tickets'
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --all 'Every ticket, however many'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;dashboard'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;doctor'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;config'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Ask for each value (the token hidden) and write the file'
            cand show 'Print the values; the token redacted'
            cand get 'Print one value alone (the token redacted); exit 1 when it is not set'
            cand set 'Set one value, checked like the flag of the same name'
            cand unset 'Remove one value from the file'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-support;config;init'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;config;show'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;config;get'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;config;set'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;config;unset'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;config;path'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;config;help'= {
            cand init 'Ask for each value (the token hidden) and write the file'
            cand show 'Print the values; the token redacted'
            cand get 'Print one value alone (the token redacted); exit 1 when it is not set'
            cand set 'Set one value, checked like the flag of the same name'
            cand unset 'Remove one value from the file'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-support;config;help;init'= {
        }
        &'cartsaver-support;config;help;show'= {
        }
        &'cartsaver-support;config;help;get'= {
        }
        &'cartsaver-support;config;help;set'= {
        }
        &'cartsaver-support;config;help;unset'= {
        }
        &'cartsaver-support;config;help;path'= {
        }
        &'cartsaver-support;config;help;help'= {
        }
        &'cartsaver-support;login'= {
            cand --store 'The store to log in for [default: `store` in the config; asked at a terminal]'
            cand --email 'The address registered for the store, where the code goes [default: `email` in the config; asked at a terminal]'
            cand --code 'The 8-digit code from the mail (the second run, without a terminal)'
            cand --name 'The token''s name on the desk [default: this machine''s hostname]'
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;logout'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;watch'= {
            cand --timeout 'Give up after this long (exit 1), e.g. 30s, 10m, 2h [default: wait as long as it takes]'
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;outbox'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The waiting tickets: id, when kept, subject, last error'
            cand send 'File the waiting tickets (or those given), printing each tracking number'
            cand drop 'Remove a ticket from the outbox without sending it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-support;outbox;list'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;outbox;send'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;outbox;drop'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;outbox;help'= {
            cand list 'The waiting tickets: id, when kept, subject, last error'
            cand send 'File the waiting tickets (or those given), printing each tracking number'
            cand drop 'Remove a ticket from the outbox without sending it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-support;outbox;help;list'= {
        }
        &'cartsaver-support;outbox;help;send'= {
        }
        &'cartsaver-support;outbox;help;drop'= {
        }
        &'cartsaver-support;outbox;help;help'= {
        }
        &'cartsaver-support;completions'= {
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;man'= {
            cand --dir 'Write every page into this folder instead of printing the main one'
            cand --desk 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]'
            cand --config 'Config file to use instead of the default one (see `config path`)'
            cand --color 'When to use colour'
            cand --http-timeout 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]'
            cand --json 'Print one JSON object on stdout (JSON Lines for lists)'
            cand --no-input 'Never prompt; a missing field is an error'
            cand -q 'Print only the result: no notes or summaries on stderr'
            cand --quiet 'Print only the result: no notes or summaries on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cartsaver-support;help'= {
            cand new 'File a ticket and print its tracking number; at a terminal, asks for what the flags leave out'
            cand check 'Validate and diagnose checklist fields; sends nothing'
            cand status 'Show tickets: status, subject, times, due time and the message thread'
            cand reply 'Add a follow-up message to a ticket'
            cand resolve 'Mark a ticket resolved'
            cand bulk 'File many tickets from a CSV or JSON Lines file: all rows validated first, re-runnable'
            cand list 'List tickets, newest first'
            cand dashboard 'Counts by status, median first response, overdue tickets, recent activity'
            cand doctor 'Check this machine''s setup: config, desk reachability, token, TLS, clock skew'
            cand config 'Show or change the config file: store, email, plan, region, desk, token'
            cand login 'Log in to a remote desk with a code mailed to an address registered for the store'
            cand logout 'Revoke this machine''s store token on the desk and remove it from the config file'
            cand watch 'Wait until support answers on any of the tickets, then show it as `status` does'
            cand outbox 'Tickets `new` could not deliver to the desk: list them, send them, drop one'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page, or write every page (one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cartsaver-support;help;new'= {
        }
        &'cartsaver-support;help;check'= {
        }
        &'cartsaver-support;help;status'= {
        }
        &'cartsaver-support;help;reply'= {
        }
        &'cartsaver-support;help;resolve'= {
        }
        &'cartsaver-support;help;bulk'= {
        }
        &'cartsaver-support;help;list'= {
        }
        &'cartsaver-support;help;dashboard'= {
        }
        &'cartsaver-support;help;doctor'= {
        }
        &'cartsaver-support;help;config'= {
            cand init 'Ask for each value (the token hidden) and write the file'
            cand show 'Print the values; the token redacted'
            cand get 'Print one value alone (the token redacted); exit 1 when it is not set'
            cand set 'Set one value, checked like the flag of the same name'
            cand unset 'Remove one value from the file'
            cand path 'Print the config file''s path'
        }
        &'cartsaver-support;help;config;init'= {
        }
        &'cartsaver-support;help;config;show'= {
        }
        &'cartsaver-support;help;config;get'= {
        }
        &'cartsaver-support;help;config;set'= {
        }
        &'cartsaver-support;help;config;unset'= {
        }
        &'cartsaver-support;help;config;path'= {
        }
        &'cartsaver-support;help;login'= {
        }
        &'cartsaver-support;help;logout'= {
        }
        &'cartsaver-support;help;watch'= {
        }
        &'cartsaver-support;help;outbox'= {
            cand list 'The waiting tickets: id, when kept, subject, last error'
            cand send 'File the waiting tickets (or those given), printing each tracking number'
            cand drop 'Remove a ticket from the outbox without sending it'
        }
        &'cartsaver-support;help;outbox;list'= {
        }
        &'cartsaver-support;help;outbox;send'= {
        }
        &'cartsaver-support;help;outbox;drop'= {
        }
        &'cartsaver-support;help;completions'= {
        }
        &'cartsaver-support;help;man'= {
        }
        &'cartsaver-support;help;help'= {
        }
    ]
    $completions[$command]
}
