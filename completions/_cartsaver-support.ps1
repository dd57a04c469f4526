
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cartsaver-support' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cartsaver-support'
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
        'cartsaver-support' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'File a ticket and print its tracking number; at a terminal, asks for what the flags leave out')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate and diagnose checklist fields; sends nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show tickets: status, subject, times, due time and the message thread')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Add a follow-up message to a ticket')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Mark a ticket resolved')
            [CompletionResult]::new('bulk', 'bulk', [CompletionResultType]::ParameterValue, 'File many tickets from a CSV or JSON Lines file: all rows validated first, re-runnable')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets, newest first')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'Counts by status, median first response, overdue tickets, recent activity')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check this machine''s setup: config, desk reachability, token, TLS, clock skew')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change the config file: store, email, plan, region, desk, token')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a remote desk with a code mailed to an address registered for the store')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke this machine''s store token on the desk and remove it from the config file')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Wait until support answers on any of the tickets, then show it as `status` does')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Tickets `new` could not deliver to the desk: list them, send them, drop one')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page (one per command) into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-support;new' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Shopify store: my-shop.myshopify.com, any URL on it, or its admin URL')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Order number as shown in the Shopify admin: 1052, #1052, #EG1052')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Customer phone, international: +201001234567 (or national, with --region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Country of a phone number written without +country code: EG, SA, IN')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'OTP channel (WhatsApp, wa and SMS are read too)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, UTC ISO 8601: 2026-11-20T14:03:00Z, an offset, or `now`')
            [CompletionResult]::new('--screenshot', '--screenshot', [CompletionResultType]::ParameterName, 'Screenshot of the error: PNG, JPEG, GIF, WebP or PDF, ≤ 10 MiB (repeatable, at most 5)')
            [CompletionResult]::new('--tried', '--tried', [CompletionResultType]::ParameterName, 'A step already tried (repeatable); `none` if nothing was tried')
            [CompletionResult]::new('--tried-file', '--tried-file', [CompletionResultType]::ParameterName, 'Read the steps tried from a file, one per line (`-` for stdin)')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'One-line summary, 3–120 characters [default: OTP not arriving via <channel>]')
            [CompletionResult]::new('--details', '--details', [CompletionResultType]::ParameterName, 'Free text: expected vs actual, error messages')
            [CompletionResult]::new('--details-file', '--details-file', [CompletionResultType]::ParameterName, 'Read the details from a file (`-` for stdin)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Contact email for replies')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Cartsaver plan')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Support PIN, 4–12 letters or digits (never printed in full)')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--urgent', '--urgent', [CompletionResultType]::ParameterName, 'Mark URGENT (Scale plan, or with --outage)')
            [CompletionResult]::new('--outage', '--outage', [CompletionResultType]::ParameterName, 'An outage prevents orders entirely')
            [CompletionResult]::new('--allow-access', '--allow-access', [CompletionResultType]::ParameterName, 'Allow support to open the store account')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the ticket that would be sent, and send nothing')
            [CompletionResult]::new('--force-new', '--force-new', [CompletionResultType]::ParameterName, 'File even if the store and order already have an open ticket')
            [CompletionResult]::new('--no-outbox', '--no-outbox', [CompletionResultType]::ParameterName, 'When the desk cannot be reached, fail instead of keeping the ticket in the outbox')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;check' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Shopify store: my-shop.myshopify.com, any URL on it, or its admin URL')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Order number as shown in the Shopify admin: 1052, #1052, #EG1052')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Customer phone, international: +201001234567 (or national, with --region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Country of a phone number written without +country code: EG, SA, IN')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'OTP channel (WhatsApp, wa and SMS are read too)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened, UTC ISO 8601: 2026-11-20T14:03:00Z, an offset, or `now`')
            [CompletionResult]::new('--screenshot', '--screenshot', [CompletionResultType]::ParameterName, 'Screenshot of the error: PNG, JPEG, GIF, WebP or PDF, ≤ 10 MiB (repeatable, at most 5)')
            [CompletionResult]::new('--tried', '--tried', [CompletionResultType]::ParameterName, 'A step already tried (repeatable); `none` if nothing was tried')
            [CompletionResult]::new('--tried-file', '--tried-file', [CompletionResultType]::ParameterName, 'Read the steps tried from a file, one per line (`-` for stdin)')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'One-line summary, 3–120 characters [default: OTP not arriving via <channel>]')
            [CompletionResult]::new('--details', '--details', [CompletionResultType]::ParameterName, 'Free text: expected vs actual, error messages')
            [CompletionResult]::new('--details-file', '--details-file', [CompletionResultType]::ParameterName, 'Read the details from a file (`-` for stdin)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Contact email for replies')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Cartsaver plan')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Support PIN, 4–12 letters or digits (never printed in full)')
            [CompletionResult]::new('--tracking', '--tracking', [CompletionResultType]::ParameterName, 'A tracking number to check: CS-XXX-XXX-XXX')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Validate a bulk file (CSV or JSON Lines, `-` for stdin) as `bulk` would; sends nothing. --store, --plan, --email and --region fill its empty cells')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Format of --file [default: by extension, else by content]')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--urgent', '--urgent', [CompletionResultType]::ParameterName, 'Mark URGENT (Scale plan, or with --outage)')
            [CompletionResult]::new('--outage', '--outage', [CompletionResultType]::ParameterName, 'An outage prevents orders entirely')
            [CompletionResult]::new('--allow-access', '--allow-access', [CompletionResultType]::ParameterName, 'Allow support to open the store account')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'With --file: a row with a warning (a landline, an old time, an email typo) is invalid')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;status' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;reply' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The message')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The message')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the message from a file (`-` for stdin)')
            [CompletionResult]::new('--screenshot', '--screenshot', [CompletionResultType]::ParameterName, 'A screenshot to attach (repeatable, at most 5)')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;resolve' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;bulk' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format [default: by extension (.csv, .jsonl, .ndjson), else by content]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store for rows whose `store` cell is empty')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Plan for rows whose `plan` cell is empty')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Contact email for rows whose `email` cell is empty')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Country for phone numbers written without a country code, when `region` is empty')
            [CompletionResult]::new('--rejects', '--rejects', [CompletionResultType]::ParameterName, 'Where --skip-invalid writes invalid rows, in the input''s format [default: next to the input, `NAME.rejects.csv` or `NAME.rejects.jsonl`]')
            [CompletionResult]::new('--results', '--results', [CompletionResultType]::ParameterName, 'Write the results here instead of stdout')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1–64)')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Send the valid rows and write the invalid ones to a rejects file')
            [CompletionResult]::new('--force-new', '--force-new', [CompletionResultType]::ParameterName, 'File rows even when their store and order already have an open ticket')
            [CompletionResult]::new('--allow-outside-paths', '--allow-outside-paths', [CompletionResultType]::ParameterName, 'Let `screenshot` paths leave the bulk file''s folder (absolute paths, `..`); only for a file you wrote yourself')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'A row with a warning (a landline, an old time, an email typo) is invalid, not sent')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only tickets with this status')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Only tickets of this order: 1052, #1052')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many tickets')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every ticket, however many')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;dashboard' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;doctor' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;config' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Ask for each value (the token hidden) and write the file')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the values; the token redacted')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one value alone (the token redacted); exit 1 when it is not set')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one value, checked like the flag of the same name')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one value from the file')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-support;config;init' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;config;show' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;config;get' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;config;set' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;config;unset' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;config;path' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;config;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Ask for each value (the token hidden) and write the file')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the values; the token redacted')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one value alone (the token redacted); exit 1 when it is not set')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one value, checked like the flag of the same name')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one value from the file')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-support;config;help;init' {
            break
        }
        'cartsaver-support;config;help;show' {
            break
        }
        'cartsaver-support;config;help;get' {
            break
        }
        'cartsaver-support;config;help;set' {
            break
        }
        'cartsaver-support;config;help;unset' {
            break
        }
        'cartsaver-support;config;help;path' {
            break
        }
        'cartsaver-support;config;help;help' {
            break
        }
        'cartsaver-support;login' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store to log in for [default: `store` in the config; asked at a terminal]')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The address registered for the store, where the code goes [default: `email` in the config; asked at a terminal]')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'The 8-digit code from the mail (the second run, without a terminal)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The token''s name on the desk [default: this machine''s hostname]')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;logout' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;watch' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (exit 1), e.g. 30s, 10m, 2h [default: wait as long as it takes]')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;outbox' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The waiting tickets: id, when kept, subject, last error')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'File the waiting tickets (or those given), printing each tracking number')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Remove a ticket from the outbox without sending it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-support;outbox;list' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;outbox;send' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;outbox;drop' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;outbox;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The waiting tickets: id, when kept, subject, last error')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'File the waiting tickets (or those given), printing each tracking number')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Remove a ticket from the outbox without sending it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-support;outbox;help;list' {
            break
        }
        'cartsaver-support;outbox;help;send' {
            break
        }
        'cartsaver-support;outbox;help;drop' {
            break
        }
        'cartsaver-support;outbox;help;help' {
            break
        }
        'cartsaver-support;completions' {
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page into this folder instead of printing the main one')
            [CompletionResult]::new('--desk', '--desk', [CompletionResultType]::ParameterName, 'Desk to talk to: local (a file on this machine), local:PATH, or the https:// URL of Cartsaver''s desk [env: CARTSAVER_DESK] [default: local]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of the default one (see `config path`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--http-timeout', '--http-timeout', [CompletionResultType]::ParameterName, 'Longest wait for one request to a remote desk, retries included, e.g. 30s or 2m [env: CARTSAVER_HTTP_TIMEOUT] [default: 45s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object on stdout (JSON Lines for lists)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing field is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no notes or summaries on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cartsaver-support;help' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'File a ticket and print its tracking number; at a terminal, asks for what the flags leave out')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate and diagnose checklist fields; sends nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show tickets: status, subject, times, due time and the message thread')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Add a follow-up message to a ticket')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Mark a ticket resolved')
            [CompletionResult]::new('bulk', 'bulk', [CompletionResultType]::ParameterValue, 'File many tickets from a CSV or JSON Lines file: all rows validated first, re-runnable')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets, newest first')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'Counts by status, median first response, overdue tickets, recent activity')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check this machine''s setup: config, desk reachability, token, TLS, clock skew')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change the config file: store, email, plan, region, desk, token')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a remote desk with a code mailed to an address registered for the store')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke this machine''s store token on the desk and remove it from the config file')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Wait until support answers on any of the tickets, then show it as `status` does')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Tickets `new` could not deliver to the desk: list them, send them, drop one')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page (one per command) into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cartsaver-support;help;new' {
            break
        }
        'cartsaver-support;help;check' {
            break
        }
        'cartsaver-support;help;status' {
            break
        }
        'cartsaver-support;help;reply' {
            break
        }
        'cartsaver-support;help;resolve' {
            break
        }
        'cartsaver-support;help;bulk' {
            break
        }
        'cartsaver-support;help;list' {
            break
        }
        'cartsaver-support;help;dashboard' {
            break
        }
        'cartsaver-support;help;doctor' {
            break
        }
        'cartsaver-support;help;config' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Ask for each value (the token hidden) and write the file')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the values; the token redacted')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one value alone (the token redacted); exit 1 when it is not set')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one value, checked like the flag of the same name')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one value from the file')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            break
        }
        'cartsaver-support;help;config;init' {
            break
        }
        'cartsaver-support;help;config;show' {
            break
        }
        'cartsaver-support;help;config;get' {
            break
        }
        'cartsaver-support;help;config;set' {
            break
        }
        'cartsaver-support;help;config;unset' {
            break
        }
        'cartsaver-support;help;config;path' {
            break
        }
        'cartsaver-support;help;login' {
            break
        }
        'cartsaver-support;help;logout' {
            break
        }
        'cartsaver-support;help;watch' {
            break
        }
        'cartsaver-support;help;outbox' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The waiting tickets: id, when kept, subject, last error')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'File the waiting tickets (or those given), printing each tracking number')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Remove a ticket from the outbox without sending it')
            break
        }
        'cartsaver-support;help;outbox;list' {
            break
        }
        'cartsaver-support;help;outbox;send' {
            break
        }
        'cartsaver-support;help;outbox;drop' {
            break
        }
        'cartsaver-support;help;completions' {
            break
        }
        'cartsaver-support;help;man' {
            break
        }
        'cartsaver-support;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
