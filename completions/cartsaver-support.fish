# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cartsaver_support_global_optspecs
    string join \n desk= config= json no-input color= q/quiet http-timeout= h/help V/version
end

function __fish_cartsaver_support_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cartsaver_support_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cartsaver_support_using_subcommand
    set -l cmd (__fish_cartsaver_support_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "new" -d 'File a ticket and print its tracking number; at a terminal, asks for what the flags leave out'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "check" -d 'Validate and diagnose checklist fields; sends nothing'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "status" -d 'Show tickets: status, subject, times, due time and the message thread'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "reply" -d 'Add a follow-up message to a ticket'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "resolve" -d 'Mark a ticket resolved'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "bulk" -d 'File many tickets from a CSV or JSON Lines file: all rows validated first, re-runnable'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "list" -d 'List tickets, newest first'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "dashboard" -d 'Counts by status, median first response, overdue tickets, recent activity'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "doctor" -d 'Check this machine\'s setup: config, desk reachability, token, TLS, clock skew'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "config" -d 'Show or change the config file: store, email, plan, region, desk, token'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "login" -d 'Log in to a remote desk with a code mailed to an address registered for the store'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "logout" -d 'Revoke this machine\'s store token on the desk and remove it from the config file'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "watch" -d 'Wait until support answers on any of the tickets, then show it as `status` does'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "outbox" -d 'Tickets `new` could not deliver to the desk: list them, send them, drop one'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "man" -d 'Print the man page, or write every page (one per command) into a folder'
complete -c cartsaver-support -n "__fish_cartsaver_support_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l store -d 'Shopify store: my-shop.myshopify.com, any URL on it, or its admin URL' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l order -d 'Order number as shown in the Shopify admin: 1052, #1052, #EG1052' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l phone -d 'Customer phone, international: +201001234567 (or national, with --region)' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l region -d 'Country of a phone number written without +country code: EG, SA, IN' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l channel -d 'OTP channel (WhatsApp, wa and SMS are read too)' -r -f -a "whatsapp\t''
sms\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l at -d 'When it happened, UTC ISO 8601: 2026-11-20T14:03:00Z, an offset, or `now`' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l screenshot -d 'Screenshot of the error: PNG, JPEG, GIF, WebP or PDF, ≤ 10 MiB (repeatable, at most 5)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l tried -d 'A step already tried (repeatable); `none` if nothing was tried' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l tried-file -d 'Read the steps tried from a file, one per line (`-` for stdin)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l summary -d 'One-line summary, 3–120 characters [default: OTP not arriving via <channel>]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l details -d 'Free text: expected vs actual, error messages' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l details-file -d 'Read the details from a file (`-` for stdin)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l email -d 'Contact email for replies' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l plan -d 'Cartsaver plan' -r -f -a "free\t''
advanced\t''
unlimited\t''
scale\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l pin -d 'Support PIN, 4–12 letters or digits (never printed in full)' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l urgent -d 'Mark URGENT (Scale plan, or with --outage)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l outage -d 'An outage prevents orders entirely'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l allow-access -d 'Allow support to open the store account'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l dry-run -d 'Show the ticket that would be sent, and send nothing'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l force-new -d 'File even if the store and order already have an open ticket'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l no-outbox -d 'When the desk cannot be reached, fail instead of keeping the ticket in the outbox'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand new" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l store -d 'Shopify store: my-shop.myshopify.com, any URL on it, or its admin URL' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l order -d 'Order number as shown in the Shopify admin: 1052, #1052, #EG1052' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l phone -d 'Customer phone, international: +201001234567 (or national, with --region)' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l region -d 'Country of a phone number written without +country code: EG, SA, IN' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l channel -d 'OTP channel (WhatsApp, wa and SMS are read too)' -r -f -a "whatsapp\t''
sms\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l at -d 'When it happened, UTC ISO 8601: 2026-11-20T14:03:00Z, an offset, or `now`' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l screenshot -d 'Screenshot of the error: PNG, JPEG, GIF, WebP or PDF, ≤ 10 MiB (repeatable, at most 5)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l tried -d 'A step already tried (repeatable); `none` if nothing was tried' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l tried-file -d 'Read the steps tried from a file, one per line (`-` for stdin)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l summary -d 'One-line summary, 3–120 characters [default: OTP not arriving via <channel>]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l details -d 'Free text: expected vs actual, error messages' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l details-file -d 'Read the details from a file (`-` for stdin)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l email -d 'Contact email for replies' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l plan -d 'Cartsaver plan' -r -f -a "free\t''
advanced\t''
unlimited\t''
scale\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l pin -d 'Support PIN, 4–12 letters or digits (never printed in full)' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l tracking -d 'A tracking number to check: CS-XXX-XXX-XXX' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l file -d 'Validate a bulk file (CSV or JSON Lines, `-` for stdin) as `bulk` would; sends nothing. --store, --plan, --email and --region fill its empty cells' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l format -d 'Format of --file [default: by extension, else by content]' -r -f -a "csv\t''
jsonl\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l urgent -d 'Mark URGENT (Scale plan, or with --outage)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l outage -d 'An outage prevents orders entirely'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l allow-access -d 'Allow support to open the store account'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l strict -d 'With --file: a row with a warning (a landline, an old time, an email typo) is invalid'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand check" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand status" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -s m -l message -d 'The message' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -l message-file -d 'Read the message from a file (`-` for stdin)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -l screenshot -d 'A screenshot to attach (repeatable, at most 5)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand reply" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand resolve" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l format -d 'Input format [default: by extension (.csv, .jsonl, .ndjson), else by content]' -r -f -a "csv\t''
jsonl\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l store -d 'Store for rows whose `store` cell is empty' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l plan -d 'Plan for rows whose `plan` cell is empty' -r -f -a "free\t''
advanced\t''
unlimited\t''
scale\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l email -d 'Contact email for rows whose `email` cell is empty' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l region -d 'Country for phone numbers written without a country code, when `region` is empty' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l rejects -d 'Where --skip-invalid writes invalid rows, in the input\'s format [default: next to the input, `NAME.rejects.csv` or `NAME.rejects.jsonl`]' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l results -d 'Write the results here instead of stdout' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l concurrency -d 'Requests in flight at once (1–64)' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l skip-invalid -d 'Send the valid rows and write the invalid ones to a rejects file'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l force-new -d 'File rows even when their store and order already have an open ticket'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l allow-outside-paths -d 'Let `screenshot` paths leave the bulk file\'s folder (absolute paths, `..`); only for a file you wrote yourself'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l strict -d 'A row with a warning (a landline, an old time, an email typo) is invalid, not sent'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand bulk" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l status -d 'Only tickets with this status' -r -f -a "open\t''
answered\t''
resolved\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l order -d 'Only tickets of this order: 1052, #1052' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l limit -d 'At most this many tickets' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l all -d 'Every ticket, however many'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand list" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand dashboard" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -f -a "init" -d 'Ask for each value (the token hidden) and write the file'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -f -a "show" -d 'Print the values; the token redacted'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -f -a "get" -d 'Print one value alone (the token redacted); exit 1 when it is not set'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -f -a "set" -d 'Set one value, checked like the flag of the same name'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -f -a "unset" -d 'Remove one value from the file'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -f -a "path" -d 'Print the config file\'s path'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and not __fish_seen_subcommand_from init show get set unset path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Ask for each value (the token hidden) and write the file'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the values; the token redacted'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one value alone (the token redacted); exit 1 when it is not set'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set one value, checked like the flag of the same name'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove one value from the file'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l store -d 'The store to log in for [default: `store` in the config; asked at a terminal]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l email -d 'The address registered for the store, where the code goes [default: `email` in the config; asked at a terminal]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l code -d 'The 8-digit code from the mail (the second run, without a terminal)' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l name -d 'The token\'s name on the desk [default: this machine\'s hostname]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand login" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand logout" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -l timeout -d 'Give up after this long (exit 1), e.g. 30s, 10m, 2h [default: wait as long as it takes]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand watch" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -f -a "list" -d 'The waiting tickets: id, when kept, subject, last error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -f -a "send" -d 'File the waiting tickets (or those given), printing each tracking number'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -f -a "drop" -d 'Remove a ticket from the outbox without sending it'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and not __fish_seen_subcommand_from list send drop help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from drop" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "list" -d 'The waiting tickets: id, when kept, subject, last error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "send" -d 'File the waiting tickets (or those given), printing each tracking number'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "drop" -d 'Remove a ticket from the outbox without sending it'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand outbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand completions" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -l dir -d 'Write every page into this folder instead of printing the main one' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -l desk -d 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver\'s desk [env: CARTSAVER_DESK] [default: local]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -l config -d 'Config file to use instead of the default one (see `config path`)' -r -F
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -l http-timeout -d 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]' -r
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -l json -d 'Print one JSON object on stdout (JSON Lines for lists)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -l no-input -d 'Never prompt; a missing field is an error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -s q -l quiet -d 'Print only the result: no notes or summaries on stderr'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -s h -l help -d 'Print help'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand man" -s V -l version -d 'Print version'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "new" -d 'File a ticket and print its tracking number; at a terminal, asks for what the flags leave out'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "check" -d 'Validate and diagnose checklist fields; sends nothing'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "status" -d 'Show tickets: status, subject, times, due time and the message thread'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "reply" -d 'Add a follow-up message to a ticket'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "resolve" -d 'Mark a ticket resolved'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "bulk" -d 'File many tickets from a CSV or JSON Lines file: all rows validated first, re-runnable'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "list" -d 'List tickets, newest first'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "dashboard" -d 'Counts by status, median first response, overdue tickets, recent activity'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "doctor" -d 'Check this machine\'s setup: config, desk reachability, token, TLS, clock skew'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "config" -d 'Show or change the config file: store, email, plan, region, desk, token'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "login" -d 'Log in to a remote desk with a code mailed to an address registered for the store'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "logout" -d 'Revoke this machine\'s store token on the desk and remove it from the config file'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "watch" -d 'Wait until support answers on any of the tickets, then show it as `status` does'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "outbox" -d 'Tickets `new` could not deliver to the desk: list them, send them, drop one'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "man" -d 'Print the man page, or write every page (one per command) into a folder'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and not __fish_seen_subcommand_from new check status reply resolve bulk list dashboard doctor config login logout watch outbox completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Ask for each value (the token hidden) and write the file'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the values; the token redacted'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one value alone (the token redacted); exit 1 when it is not set'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set one value, checked like the flag of the same name'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove one value from the file'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "list" -d 'The waiting tickets: id, when kept, subject, last error'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "send" -d 'File the waiting tickets (or those given), printing each tracking number'
complete -c cartsaver-support -n "__fish_cartsaver_support_using_subcommand help; and __fish_seen_subcommand_from outbox" -f -a "drop" -d 'Remove a ticket from the outbox without sending it'
