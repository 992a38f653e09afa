#!/usr/bin/env bash
# Proves the Windows build under Wine: the command line gives the same data
# as the Linux build, a printed slip carries its Chinese, and the window maps
# and shows Chinese in a fresh prefix with no Chinese fonts (so the bundled
# font is what draws it). It also checks the package: the exes' subsystems
# and version resource, the zip's UTF-8 names, and the console program in a
# Chinese console (code page 936) with its output redirected to a file.
# Last, the input method's windows follow the caret of an entry (imm32).
# Expects dist/windows/gongwen.exe, gongwen-cli.exe, the zip and ./gongwen.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=dist/windows/gongwen.exe
cli=dist/windows/gongwen-cli.exe
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
zip=dist/gongwen-$version-windows-amd64.zip
shot=${WINE_SHOT:-docs/screenshots/windows-wine.png}
[ -x ./gongwen ] && [ -f "$exe" ] && [ -f "$cli" ] && [ -f "$zip" ] || { echo "需要先 make build windows" >&2; exit 1; }
fail() { echo "wine-smoke 失败：$*" >&2; exit 1; }
step() { echo "wine-smoke: $*"; }

step "0. the package: subsystems, version resource as 关于 shows it, UTF-8 names in the zip"
subsystem() { x86_64-w64-mingw32-objdump -p "$1" | sed -n 's/^Subsystem[[:space:]]*[0-9a-f]*[[:space:]]*//p'; }
[ "$(subsystem "$exe")" = "(Windows GUI)" ] || fail "gongwen.exe 不是窗口程序：$(subsystem "$exe")"
[ "$(subsystem "$cli")" = "(Windows CUI)" ] || fail "gongwen-cli.exe 不是控制台程序：$(subsystem "$cli")"
# version_string prints the value of one string of the exe's version
# resource (UTF-16, each key and value ending in a NUL).
version_string() {
	wrestool -x --raw -t 16 "$1" | iconv -f UTF-16LE -t UTF-8 -c | tr '\0' '\n' |
		awk -v key="$2" 'found && NF { print; exit } $0 ~ key "$" { found = 1 }'
}
# fixed_version prints VS_FIXEDFILEINFO's file version (after its signature
# FEEF04BD and dwStrucVersion, two little-endian DWORDs: MS, LS).
fixed_version() {
	local hex
	hex=$(wrestool -x --raw -t 16 "$1" | od -An -tx1 -v | tr -d ' \n')
	hex=${hex#*bd04effe}
	local ms=${hex:8:8} ls=${hex:16:8}
	echo "$((16#${ms:6:2}${ms:4:2})).$((16#${ms:2:2}${ms:0:2})).$((16#${ls:6:2}${ls:4:2})).$((16#${ls:2:2}${ls:0:2}))"
}
for f in "$exe" "$cli"; do
	[ "$(fixed_version "$f")" = "$version.0" ] || fail "$f 的 FileVersion 为 $(fixed_version "$f")，应为 $version.0"
	for key in FileVersion ProductVersion; do
		[ "$(version_string "$f" $key)" = "$version" ] || fail "$f 的 $key 为“$(version_string "$f" $key)”，应为 $version"
	done
	[ "$(version_string "$f" CompanyName)" = "公文督办台项目组" ] || fail "$f 没有 CompanyName"
	[ "$(version_string "$f" ProductName)" = "公文督办台" ] || fail "$f 的 ProductName 为“$(version_string "$f" ProductName)”"
done
[ "$(LC_ALL=C.UTF-8 zipinfo -1 "$zip" | LC_ALL=C sort | tr '\n' ' ')" = "gongwen-cli.exe gongwen.exe 使用说明.txt " ] || fail "压缩包的内容不对：$(LC_ALL=C.UTF-8 zipinfo -1 "$zip")"
# zipinfo does not show bit 11 (names in UTF-8) of the general purpose
# flags: read them at offset 6 of each entry's local header.
for off in $(zipinfo -v "$zip" | sed -n 's/^  offset of local header from start of archive: *\([0-9]*\)$/\1/p'); do
	f=$(od -An -tx1 -j $((off + 6)) -N 2 "$zip" | tr -d ' \n')
	(((16#${f:2:2}${f:0:2} & 0x800) != 0)) || fail "压缩包中有文件名没有标明 UTF-8（通用标志第11位：$f）"
done

work=$(mktemp -d)
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
display=:$((190 + RANDOM % 100))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "${win_app:-}" 2>/dev/null || true; wineserver -k 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export DISPLAY=$display

# wait_for_window prints the id of the visible window titled 公文督办台 once
# it maps; it polls, because a window that vanishes between xdotool's search
# and its look at it (Wine makes such transient windows) fails --sync.
wait_for_window() {
	local deadline=$((SECONDS + $1)) id
	while [ $SECONDS -lt "$deadline" ]; do
		id=$(xdotool search --onlyvisible --name '公文督办台' 2>/dev/null | head -1) && [ -n "$id" ] && { echo "$id"; return 0; }
		sleep 0.5
	done
	return 1
}

wineboot -i >/dev/null 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" scripts/wine/bcryptprimitives.c -ladvapi32
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

wine_db=$(winepath -w "$work/wine.db")

step "1. demo and export under Wine equal the Linux build's"
wine "$exe" --db "$wine_db" demo
wine "$exe" --db "$wine_db" export docs --format json -o "$(winepath -w "$work/wine.json")"
./gongwen --db "$work/linux.db" demo >/dev/null
./gongwen --db "$work/linux.db" export docs --format json -o "$work/linux.json" 2>/dev/null
if ! cmp -s "$work/wine.json" "$work/linux.json"; then
	echo "wine-smoke 失败：Windows 与 Linux 导出的数据不同" >&2
	diff <(head -c 2000 "$work/wine.json") <(head -c 2000 "$work/linux.json") >&2 || true
	exit 1
fi

step "2. a handling slip printed under Wine carries its Chinese"
serial=$(./gongwen --db "$work/linux.db" search --json 通知 | sed -n 's/.*"number": "\([0-9]\{4\}-[0-9]\{4\}\)".*/\1/p' | head -1)
wine "$exe" --db "$wine_db" print slip "$serial" -o "$(winepath -w "$work/slip.pdf")"
text=$(pdftotext "$work/slip.pdf" - | tr -d ' \n')
for want in 收文处理笺 "$serial" 拟办意见 领导批示; do
	case "$text" in *"$want"*) ;; *) echo "wine-smoke 失败：处理笺中没有“$want”" >&2; exit 1 ;; esac
done

step "3. gongwen-cli.exe in a Chinese console (chcp 936): output redirected to a file is GBK, exit status reaches cmd"
# in_cmd runs a command line in cmd in a console (wineconsole: plain wine
# gives console programs none) whose code page is set to 936, as on a
# Chinese Windows, and returns cmd's exit status. Wine's own code page stays
# the machine's (1252 under C.UTF-8), so GBK output proves the console's is
# the one followed.
in_cmd() { wineconsole cmd /c "chcp 936 >nul & $1" </dev/null; }
cli_w=$(winepath -w "$cli")
./gongwen --db "$work/linux.db" search 通知 >"$work/search-utf8.txt"
iconv -f UTF-8 -t GBK "$work/search-utf8.txt" >"$work/search-gbk.txt"
in_cmd "$cli_w --db $wine_db search 通知 > $(winepath -w "$work/search.txt")" || fail "search 的退出状态为 $?"
cmp -s "$work/search.txt" "$work/search-gbk.txt" || fail "重定向到文件的输出不是 GBK：$(head -c 80 "$work/search.txt" | od -An -c | head -2)"
GONGWEN_ENCODING=utf-8 in_cmd "$cli_w --db $wine_db search 通知 > $(winepath -w "$work/search2.txt")"
cmp -s "$work/search2.txt" "$work/search-utf8.txt" || fail "GONGWEN_ENCODING=utf-8 时输出不是 UTF-8"
status=0
in_cmd "$cli_w --db $wine_db print slip 1999-0001 -o $(winepath -w "$work/none.pdf") 2> $(winepath -w "$work/err.txt")" || status=$?
[ "$status" = 1 ] || fail "找不到记录时 cmd 得到的退出状态为 $status，应为 1"
iconv -f GBK -t UTF-8 "$work/err.txt" | grep '^错误：' >/dev/null || fail "错误信息不是 GBK 中文：$(od -An -c "$work/err.txt" | head -2)"
status=0
in_cmd "$cli_w nosuchverb > nul 2>&1" || status=$?
[ "$status" = 2 ] || fail "用法错误时 cmd 得到的退出状态为 $status，应为 2"
in_cmd "$cli_w version > $(winepath -w "$work/version.txt")"
[ "$(iconv -f GBK -t UTF-8 "$work/version.txt")" = "公文督办台 gongwen $version" ] || fail "version 与“关于”中的版本不同"

step "4. the window maps under Wine within 60 s"
GONGWEN_IME_LOG=$(winepath -w "$work/ime.log") wine "$exe" --db "$wine_db" >"$work/window.log" 2>&1 &
win_app=$!
if ! win=$(wait_for_window 60); then
	echo "wine-smoke 失败：60秒内窗口没有出现" >&2
	tail -20 "$work/window.log" >&2
	exit 1
fi
sleep 6 # first frames under Wine's software GL
mkdir -p "$(dirname "$shot")"
import -window root "$shot"
step "window mapped; screenshot in $shot"

# ime_moments records in the folder $1, for scripts/imecheck, two moments
# of the search box (reached with Ctrl+F): the caret after typing, then at
# the start of the text (Home). For each, the screen several times and the
# last reading of the input context in the log $2.
ime_moments() {
	mkdir -p "$1"
	xdotool windowfocus "$win"
	sleep 0.5
	xdotool key ctrl+f
	sleep 1
	xdotool type --delay 80 gongwen
	ime_moment "$1" a "$2"
	xdotool key Home
	ime_moment "$1" b "$2"
}
ime_moment() {
	sleep 1 # the program looks at the caret ten times a second
	# the caret blinks (half a second shown, half faded): shots over 2 to 3 s
	local end=$((SECONDS + 3)) i=0
	while [ $SECONDS -lt $end ] || [ $i -lt 6 ]; do
		i=$((i + 1))
		import -window root "$1/$2$i.png"
		sleep 0.1
	done
	tail -1 "$3" >"$1/$2.log" 2>/dev/null || true # no log: imecheck says so
}
step "5. the input method's windows follow the caret: imm32's positions read back, the caret found on the screen"
go build -o "$work/imecheck" ./scripts/imecheck
ime_moments "$work/ime" "$work/ime.log"
"$work/imecheck" "$work/ime" || fail "输入法的组字窗口和候选窗口没有跟随光标"
# ime_run starts the window again with the environment variables given
# and GONGWEN_IME_LOG=$work/$1.log, and records its moments in $work/$1.
ime_run() {
	local name=$1
	shift
	wineserver -k
	wait "$win_app" 2>/dev/null || true
	env "$@" GONGWEN_IME_LOG="$(winepath -w "$work/$name.log")" wine "$exe" --db "$wine_db" >"$work/window.log" 2>&1 &
	win_app=$!
	win=$(wait_for_window 60) || fail "60秒内窗口没有再次出现"
	sleep 6
	ime_moments "$work/$name" "$work/$name.log"
}
step "   and at 150 % scale (FYNE_SCALE=1.5: Fyne's units to the window's pixels)"
ime_run ime-scaled FYNE_SCALE=1.5
scaled=$("$work/imecheck" "$work/ime-scaled") || fail "放大到150%时输入法的窗口没有跟随光标"
step "   at 150 %: ${scaled#ime: }"
step "   and the same check fails with the positions left alone (GONGWEN_IME=off)"
ime_run ime-off GONGWEN_IME=off
if "$work/imecheck" "$work/ime-off" >"$work/ime-off.txt" 2>&1; then
	fail "不设置输入法位置时检查也通过了，检查无效：$(cat "$work/ime-off.txt")"
fi
step "   without the fix: $(cat "$work/ime-off.txt")"
