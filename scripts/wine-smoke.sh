#!/usr/bin/env bash
# Proves the Windows build under Wine: the command line gives the same data
# as the Linux build, a printed slip carries its Chinese, and the window maps
# and shows Chinese in a fresh prefix with no Chinese fonts (so the bundled
# font is what draws it). Expects dist/windows/gongwen.exe and ./gongwen.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=dist/windows/gongwen.exe
shot=${WINE_SHOT:-docs/screenshots/windows-wine.png}
[ -x ./gongwen ] && [ -f "$exe" ] || { echo "需要先 make build windows" >&2; exit 1; }

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
step() { echo "wine-smoke: $*"; }

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

step "3. the window maps under Wine within 60 s"
wine "$exe" --db "$wine_db" >"$work/window.log" 2>&1 &
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
