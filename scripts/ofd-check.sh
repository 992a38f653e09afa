#!/usr/bin/env bash
# An independent reader renders the OFD of every form: npm's ofd.js@0.2.6
# (1.5.0 and later refuse to render without a licence key) in headless
# Chromium, beside poppler's rendering of the same form's PDF. For each
# page it writes tmp/ofd-check/FORM-N.png (OFD left, PDF right) and
# prints the share of pixels that differ; a page the reader cannot read,
# or that differs by more than MAX_DIFF percent, fails the check. The
# first page of docs/samples' OFD, as the reader shows it, goes to
# docs/samples/monthly-report-ofd.png.
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_DIFF=${MAX_DIFF:-1}
SCALE=4 # pixels per millimetre in both renderings (101.6 dpi)
out=tmp/ofd-check
cache="${XDG_CACHE_HOME:-$HOME/.cache}/gongwen/ofd.js-0.2.6"
rm -rf "$out" && mkdir -p "$out"

# The reader: the package's prebuilt bundle, which carries its own
# dependencies; npm pack checks the registry's integrity hash.
if [ ! -f "$cache/package/lib/ofd.umd.js" ]; then
	mkdir -p "$cache"
	(cd "$cache" && npm pack --silent ofd.js@0.2.6 >/dev/null && tar xzf ofd.js-0.2.6.tgz)
fi

go build -tags sqlite_fts5,no_emoji -o "$out/ofdview" ./scripts/ofdview
GONGWEN_OFD_DIR="$PWD/$out" go test -tags sqlite_fts5,no_emoji -count=1 -run '^TestWriteOFDs$' ./reports/ >/dev/null

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=20000)
failed=0
for ofd in "$out"/*.ofd; do
	form=$(basename "$ofd" .ofd)
	IFS=$'\t' read -r html w h pages < <("$out/ofdview" -js "$cache/package/lib/ofd.umd.js" -scale $SCALE "$ofd" "$out")
	status=$("${chrome[@]}" --window-size="$w,$h" --dump-dom "file://$PWD/$html" 2>/dev/null | sed -n 's/.*data-status="\([^"]*\)".*/\1/p' | head -1)
	if [ "$status" != "ok $pages" ]; then
		echo "$form: ofd.js did not read the OFD: ${status:-no answer}"
		failed=1
		continue
	fi
	"${chrome[@]}" --window-size="$w,$((h * pages))" --screenshot="$PWD/$out/$form-ofd.png" "file://$PWD/$html" >/dev/null 2>&1
	for n in $(seq 1 "$pages"); do
		convert "$out/$form-ofd.png" -crop "${w}x${h}+0+$(((n - 1) * h))" +repage "$out/$form-ofd-$n.png"
		pdftoppm -r "$(echo "$SCALE * 25.4" | bc)" -f "$n" -l "$n" -singlefile -png "$out/$form.pdf" "$out/$form-pdf-$n"
		mogrify -crop "${w}x${h}+0+0" +repage "$out/$form-pdf-$n.png" # poppler rounds up a pixel
		# compared at a quarter of the size (1 pixel a millimetre): the two
		# renderers smooth the edges of the characters differently, which
		# alone makes some 5% of the pixels differ at full size and none
		# here; a missing line of text or rule still does.
		convert "$out/$form-ofd-$n.png" -resize 25% "$out/small-ofd.png"
		convert "$out/$form-pdf-$n.png" -resize 25% "$out/small-pdf.png"
		diff=$(compare -metric AE -fuzz 25% "$out/small-ofd.png" "$out/small-pdf.png" null: 2>&1 || true)
		pct=$(echo "scale=2; 100 * $diff / ($(identify -format '%w * %h' "$out/small-ofd.png"))" | bc)
		convert "$out/$form-ofd-$n.png" "$out/$form-pdf-$n.png" -bordercolor grey -border 1 +append "$out/$form-$n.png"
		printf '%-22s page %d: %5s%% of pixels differ\n' "$form" "$n" "$pct"
		if [ "$(echo "$pct > $MAX_DIFF" | bc)" = 1 ]; then
			failed=1
		fi
	done
done
rm -f "$out"/small-*.png
convert "$out/monthly-report-ofd-1.png" -resize 497x -strip -define png:exclude-chunks=date,time docs/samples/monthly-report-ofd.png
echo "图片在 $out/（左 OFD，右 PDF）"
exit $failed
