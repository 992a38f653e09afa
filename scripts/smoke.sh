#!/usr/bin/env bash
# Starts the real window under Xvfb on a fresh database and waits until it
# maps with its title; fails after 60 s. Leaves a screenshot in
# $SMOKE_SHOT (default: a temporary file) for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
shot=${SMOKE_SHOT:-$work/window.png}
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "${app:-}" "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
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
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

start=$(date +%s%N)
./gongwen --db "$work/smoke.db" >"$work/app.log" 2>&1 &
app=$!
if ! win=$(wait_for_window 60); then
	echo "冒烟测试失败：60秒内窗口没有出现" >&2
	cat "$work/app.log" >&2
	exit 1
fi
mapped=$(date +%s%N)
sleep 2 # let the first frame draw
import -window root "$shot"
if ! kill -0 "$app" 2>/dev/null; then
	echo "冒烟测试失败：程序已退出" >&2
	cat "$work/app.log" >&2
	exit 1
fi
echo "smoke: window \"$(xdotool getwindowname "$win")\" mapped in $(( (mapped - start) / 1000000 )) ms"
