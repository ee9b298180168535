#!/usr/bin/env bash
# Live end-to-end demo of watching: a local web server serves Zoom's real terms (as a page with a
# menu and a cookie banner), termlens watches it, the page changes to the March 2023 version, and
# the alert arrives at a local webhook receiver and in an Atom feed. Everything stays on 127.0.0.1.
#
#   scripts/demo_watch.sh [path/to/shared/data]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
BIN=${BIN:-.venv/bin}
WORK=$(mktemp -d /tmp/termlens-watch-demo.XXXXXX)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

export TERMLENS_DATABASE_URL="sqlite:///$WORK/demo.db"
export TERMLENS_ALLOW_LOOPBACK=1   # the demo's "vendor" lives on 127.0.0.1; never set this in production
ZOOM="$DATA/ota/Zoom/Terms of Service"
mkdir -p "$WORK/site"

render() {  # render one real version of Zoom's terms as the page the site serves
  "$BIN/python" - "$1" "$WORK/site/terms.html" <<'EOF'
import sys
sys.path.insert(0, "tests")
from pathlib import Path
from localweb import terms_html
Path(sys.argv[2]).write_bytes(terms_html(Path(sys.argv[1]).read_text(encoding="utf-8")))
EOF
}

free_port() { "$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SITE_PORT=$(free_port)
HOOK_PORT=$(free_port)

render "$ZOOM/2023-02-01T12-45-56Z.md"
"$BIN/python" -m http.server "$SITE_PORT" --bind 127.0.0.1 --directory "$WORK/site" >/dev/null 2>&1 &
PIDS+=($!)
"$BIN/python" - "$HOOK_PORT" "$WORK/received.jsonl" <<'EOF' &
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
seen = set()
class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        key = self.headers.get("Idempotency-Key")
        if key not in seen:  # a receiver drops repeats of an at-least-once delivery
            seen.add(key)
            with open(sys.argv[2], "a") as out:
                out.write(body.decode() + "\n")
        self.send_response(204); self.end_headers()
    def log_message(self, *args): pass
HTTPServer(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
EOF
PIDS+=($!)
sleep 1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "the URL guard: private, loopback and metadata targets are refused before any connection"
TERMLENS_ALLOW_LOOPBACK=0 "$BIN/termlens" fetch "http://0x7f.1:$SITE_PORT/terms.html" || echo "(exit $?)"
"$BIN/termlens" fetch "http://169.254.169.254/latest/meta-data/" || echo "(exit $?)"

step "fetch one page: the terms text without menu and cookie banner"
"$BIN/termlens" fetch "http://127.0.0.1:$SITE_PORT/terms.html" --format json |
  "$BIN/python" -c 'import json,sys; d=json.load(sys.stdin); t=d.pop("text"); print(json.dumps(d, indent=1)); print(t[:400], "…")'

step "watch it, with a webhook and an Atom feed for alerts"
"$BIN/termlens" watch add "http://127.0.0.1:$SITE_PORT/terms.html" --service Zoom --document "Terms of Service" --every 2s
"$BIN/termlens" watch notify add webhook "http://127.0.0.1:$HOOK_PORT/termlens"
"$BIN/termlens" watch notify add atom "$WORK/alerts.atom"
"$BIN/termlens" watch run --once --gap 0 --no-browser

step "the vendor publishes the March 2023 terms (the AI-training clause 10.2)"
render "$ZOOM/2023-04-01T06-45-10Z.md"
sleep 3
"$BIN/termlens" watch run --once --gap 0 --no-browser
"$BIN/termlens" watch status

step "the alert the webhook received"
"$BIN/python" -c 'import json,sys; a=json.loads(open(sys.argv[1]).readline()); print(json.dumps({k: a[k] for k in ("service","document","recorded","topics","summary")}, indent=1)); [print(" -", x["plain"]) for x in a["answers_changed"]]' "$WORK/received.jsonl"
step "the Atom feed"
grep -c "<entry>" "$WORK/alerts.atom" | sed 's/^/entries: /'

step "the page breaks (a sign-in wall): a typed failure, not a new version"
printf '<html><body><main><p>Please sign in to continue reading our terms of service today.</p></main></body></html>' > "$WORK/site/terms.html"
sleep 3
"$BIN/termlens" watch run --once --gap 0 --no-browser
"$BIN/termlens" watch status
