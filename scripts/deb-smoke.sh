#!/usr/bin/env bash
# Installs each .deb on this machine as a user would (apt resolves Depends),
# runs the installed program, and removes and purges it again: the program,
# its menu entry and icons go, a user's data file stays. The amd64 package
# runs natively; the arm64 one installs through dpkg's arm64 architecture
# (scripts/deps.sh linux) and runs under qemu-aarch64. Needs root, and
# refuses to run where a gongwen package is already installed.
# Expects dist/gongwen_VERSION_{amd64,arm64}.deb (make deb).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
id=$(sed -n 's/^ *ID = "\(.*\)"/\1/p' FyneApp.toml)
fail() { echo "deb-smoke 失败：$*" >&2; exit 1; }
step() { echo "deb-smoke: $*"; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
installed() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'; }
installed gongwen && fail "本机已安装 gongwen 软件包，为免改动它，不做此项检查"
work=$(mktemp -d)
trap '$sudo dpkg --purge gongwen >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
home=$work/home # a user's home, with the data file where the program keeps it
userdb=$home/.config/Gongwen/gongwen.db
mkdir -p "$home"

# check ARCH GONGWEN... installs dist/gongwen_VERSION_ARCH.deb, runs the
# installed program as the command GONGWEN..., removes it.
check() {
	local arch=$1 deb=$PWD/dist/gongwen_${version}_$1.deb
	shift
	[ -f "$deb" ] || fail "需要先生成 $deb（make deb）"
	step "$arch: install $(basename "$deb")"
	[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "$deb 的 Architecture 不是 $arch"
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 ||
		{ cat "$work/apt.log" >&2; fail "$arch 软件包安装失败"; }
	installed "gongwen:$arch" || fail "安装后 gongwen:$arch 不是已安装状态"
	for f in /usr/bin/gongwen /usr/share/applications/$id.desktop /usr/share/icons/hicolor/48x48/apps/$id.png \
		/usr/share/icons/hicolor/256x256/apps/$id.png /usr/share/doc/gongwen/copyright \
		/usr/share/doc/gongwen/使用说明.txt /usr/share/doc/gongwen/OFL-NotoSansSC.txt; do
		[ -f "$f" ] || fail "安装后缺少 $f"
	done
	grep -qx 'Name\[zh_CN\]=公文督办台' "/usr/share/applications/$id.desktop" || fail "菜单项没有中文名"
	if command -v desktop-file-validate >/dev/null; then
		desktop-file-validate "/usr/share/applications/$id.desktop" || fail "菜单项不合规范"
	fi

	step "$arch: the installed program runs: version, and (amd64) demo into --db and into the user's default data file"
	[ "$(command -v gongwen)" = /usr/bin/gongwen ] || fail "PATH 中的 gongwen 不是 /usr/bin/gongwen"
	[ "$("$@" version)" = "公文督办台 gongwen $version" ] || fail "gongwen version 输出为“$("$@" version)”"
	# The arm64 program's sample office is proven by arm64-smoke: under
	# qemu it takes minutes, so here it only starts.
	if [ "$arch" = amd64 ]; then
		"$@" --db "$work/x.db" demo >/dev/null
		[ -s "$work/x.db" ] || fail "demo 没有写出 --db 指定的数据文件"
		HOME=$home XDG_CONFIG_HOME='' GONGWEN_DB='' "$@" demo >/dev/null
		[ -s "$userdb" ] || fail "demo 没有写出 ~/.config/Gongwen/gongwen.db"
	fi
	local sum
	sum=$(md5sum <"$userdb")

	step "$arch: remove, then purge: the program goes, the user's data stays as it was"
	HOME=$home $sudo dpkg -r gongwen >/dev/null # a script that cleaned $HOME would hit the user's data
	for f in /usr/bin/gongwen /usr/share/applications/$id.desktop /usr/share/icons/hicolor/48x48/apps/$id.png; do
		[ ! -e "$f" ] || fail "卸载后仍有 $f"
	done
	HOME=$home $sudo dpkg --purge gongwen >/dev/null
	dpkg-query -W -f='${db:Status-Abbrev}' gongwen 2>/dev/null | grep -q '^i' && fail "清除后 gongwen 仍登记为已安装"
	[ -d /usr/share/doc/gongwen ] && fail "清除后仍有 /usr/share/doc/gongwen"
	[ -s "$work/x.db" ] || fail "卸载删除了 --db 指定的数据文件"
	[ "$(md5sum <"$userdb")" = "$sum" ] || fail "卸载改动了用户的数据文件 ~/.config/Gongwen/gongwen.db"
	step "$arch: installed, ran, removed; the user's data file is untouched"
}
check amd64 gongwen
check arm64 qemu-aarch64 /usr/bin/gongwen
