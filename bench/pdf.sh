#!/usr/bin/env bash
# PDF benchmark: the agenda package of 20 items, 10 of them with a
# 10-page PDF attachment, built by klynge-pdf, side by side with
# Chromium printing the same agenda's HTML to PDF.
#
# Chromium gets the agenda WITHOUT attachments (HTML cannot place PDF
# pages comparably), so klynge is timed twice: with the attachments (the
# real package) and without them (the same content Chromium prints).
# klynge-pdf is timed as the server runs it: one process per document,
# JSON on stdin, PDF on stdout. Chromium: one headless process per
# document with a fresh profile (what printing a page costs on demand).
# Rounds are interleaved (klynge, klynge without attachments, chromium,
# then reversed) to even out drift; prints the medians and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${KLYNGE_PDF_BIN:-./build/klynge-pdf}
ROUNDS=${BENCH_PDF_ROUNDS:-5}
CHROMIUM=${CHROMIUM:-chromium}
OUT=$(mktemp -d /tmp/klynge-bench-pdf.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

# Inputs, made once: the 10-page attachment is itself a klynge-pdf
# document.
python3 bench/pdf_gen.py attachment "$OUT"
"$BIN" <"$OUT/att.json" >"$OUT/att.pdf"
python3 bench/pdf_gen.py agenda "$OUT" "$OUT/att.pdf"

now() { date +%s.%N; }
elapsed() {	# command... -> seconds
	local t0 t1
	t0=$(now)
	"$@" >/dev/null 2>&1
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
k_att() { "$BIN" <"$OUT/agenda.json" >"$OUT/k.pdf"; }
k_noatt() { "$BIN" <"$OUT/agenda-noatt.json" >"$OUT/kn.pdf"; }
chrome() {
	local prof
	prof=$(mktemp -d "$OUT/profile.XXXXXX")
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$prof" --print-to-pdf="$OUT/c.pdf" \
		"file://$OUT/agenda.html"
	rm -rf "$prof"
}

# Warm-up (page cache, font caches), not counted.
k_att; k_noatt; chrome >/dev/null 2>&1

ka=(); kn=(); ch=()
for ((r = 0; r < ROUNDS; r++)); do
	if ((r % 2 == 0)); then
		ka+=("$(elapsed k_att)"); kn+=("$(elapsed k_noatt)"); ch+=("$(elapsed chrome)")
	else
		ch+=("$(elapsed chrome)"); kn+=("$(elapsed k_noatt)"); ka+=("$(elapsed k_att)")
	fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
mka=$(median "${ka[@]}"); mkn=$(median "${kn[@]}"); mch=$(median "${ch[@]}")

echo "agenda: 20 items, 10 with a 10-page PDF attachment; $ROUNDS rounds, interleaved; median wall time"
echo "klynge-pdf, with attachments:     ${mka} s ($(pages "$OUT/k.pdf") pages)   [${ka[*]}]"
echo "klynge-pdf, without attachments:  ${mkn} s ($(pages "$OUT/kn.pdf") pages)   [${kn[*]}]"
echo "chromium --print-to-pdf, HTML without attachments: ${mch} s ($(pages "$OUT/c.pdf") pages)   [${ch[*]}]"
awk -v a="$mka" -v n="$mkn" -v c="$mch" 'BEGIN {
	printf "ratio chromium/klynge (same content, no attachments): %.1fx; chromium (no attachments)/klynge with attachments: %.1fx\n", c / n, c / a }'
