#!/usr/bin/env bash
# Converts the Word files of the 督查通报 and the 纪要 (written by the
# reports tests) to PDF with LibreOffice, and draws their pages and those of
# our PDFs as PNG side by side, to be looked at: another program's reading
# of the files. LibreOffice gets the bundled fonts under the names the Word
# files ask for (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312), as an office
# machine has them. Usage: scripts/docx-check.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
fonts=$(pwd)/resources/fonts

DOCX_OUT=$out go test -tags sqlite_fts5,no_emoji -count=1 -run 'Docx' ./reports/

alias() { printf '<alias binding="same"><family>%s</family><prefer><family>%s</family></prefer></alias>\n' "$1" "$2"; }
{
	echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
	echo '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
	echo "<dir>$fonts</dir><cachedir>$out/fc-cache</cachedir>"
	alias 仿宋_GB2312 "Noto Serif SC"
	alias 仿宋 "Noto Serif SC"
	alias 方正小标宋简体 "Noto Serif SC"
	alias 宋体 "Noto Serif SC"
	alias 黑体 "Noto Sans SC"
	alias 楷体_GB2312 "Gongwen Kai"
	echo '</fontconfig>'
} >"$out/fonts.conf"

for name in monthly minutes; do
	FONTCONFIG_FILE=$out/fonts.conf soffice -env:UserInstallation="file://$out/lo-profile" --headless \
		--convert-to pdf --outdir "$out/word" "$out/$name.docx" >/dev/null
	pdfinfo "$out/word/$name.pdf" | grep -E '^(Pages|Page size)'
	pdffonts "$out/word/$name.pdf" | tail -n +3 | awk '{print "  font:", $1}' | sort -u
	rm -f "$out/$name"-word-*.png "$out/$name"-ours-*.png
	pdftoppm -png -r 60 "$out/word/$name.pdf" "$out/$name-word"
	pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name-ours"
	montage "$out/$name"-word-*.png -tile x1 -geometry +4+4 "$out/$name-word.png"
	montage "$out/$name"-ours-*.png -tile x1 -geometry +4+4 "$out/$name-ours.png"
	echo "$name: $out/$name-word.png (LibreOffice) beside $out/$name-ours.png (our PDF)"
done
