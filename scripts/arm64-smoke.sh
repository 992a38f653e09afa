#!/usr/bin/env bash
# Proves the arm64 build (飞腾, 鲲鹏) on this machine under qemu-aarch64 with
# Debian's arm64 libraries: the program from the arm64 tarball builds the
# sample office, exports every book as the same JSON as the program from
# the amd64 tarball, and prints a handling slip whose text is the amd64
# one's. Expects both tarballs (make linux linux-arm64).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
fail() { echo "arm64-smoke 失败：$*" >&2; exit 1; }
step() { echo "arm64-smoke: $*"; }
command -v qemu-aarch64 >/dev/null || fail "缺少 qemu-aarch64：请先运行 bash scripts/deps.sh linux"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# unpack ARCH prints the program in that architecture's tarball, unpacked.
unpack() {
	local tarball=dist/gongwen-$version-linux-$1.tar.xz
	[ -f "$tarball" ] || fail "需要先生成 $tarball（make linux linux-arm64）"
	mkdir -p "$work/$1"
	tar -xJf "$tarball" -C "$work/$1"
	find "$work/$1" -path '*/bin/gongwen' -type f | head -1
}
amd=$(unpack amd64)
arm=$(unpack arm64)
arm64() { qemu-aarch64 "$arm" "$@"; }

step "0. the arm64 tarball holds an aarch64 program, which runs under qemu"
readelf -h "$arm" | grep -q 'Machine:[[:space:]]*AArch64' || fail "arm64 包中的程序不是 AArch64：$(readelf -h "$arm" | grep Machine)"
[ "$(arm64 version)" = "$("$amd" version)" ] || fail "arm64 的 version 为“$(arm64 version)”，amd64 为“$("$amd" version)”"

step "1. the sample office, exported book by book, equals the amd64 build's"
arm64 --db "$work/arm.db" demo >/dev/null
"$amd" --db "$work/amd.db" demo >/dev/null
for book in docs seals supervision meetings; do
	arm64 --db "$work/arm.db" export "$book" --format json -o "$work/arm-$book.json" >/dev/null
	"$amd" --db "$work/amd.db" export "$book" --format json -o "$work/amd-$book.json" >/dev/null
	[ -s "$work/amd-$book.json" ] || fail "amd64 导出的 $book 为空"
	cmp -s "$work/arm-$book.json" "$work/amd-$book.json" ||
		{ diff <(head -c 2000 "$work/arm-$book.json") <(head -c 2000 "$work/amd-$book.json") >&2 || true; fail "arm64 与 amd64 导出的 $book 不同"; }
done

step "2. a handling slip printed by arm64 reads as the amd64 one"
serial=$("$amd" --db "$work/amd.db" search --json 通知 | sed -n 's/.*"number": "\([0-9]\{4\}-[0-9]\{4\}\)".*/\1/p' | head -1)
[ -n "$serial" ] || fail "示例单位中找不到收文"
arm64 --db "$work/arm.db" print slip "$serial" -o "$work/arm.pdf" >/dev/null
"$amd" --db "$work/amd.db" print slip "$serial" -o "$work/amd.pdf" >/dev/null
pdftotext "$work/arm.pdf" "$work/arm.txt"
pdftotext "$work/amd.pdf" "$work/amd.txt"
grep -q 收文处理笺 "$work/amd.txt" || fail "处理笺中没有“收文处理笺”"
cmp -s "$work/arm.txt" "$work/amd.txt" || { diff "$work/arm.txt" "$work/amd.txt" >&2 || true; fail "arm64 与 amd64 打印的处理笺文字不同"; }
step "arm64 under qemu: 4 books and the slip of $serial ($(wc -c <"$work/arm.txt") bytes of text) equal amd64's"
