#!/usr/bin/env bash
# Installs what building and testing Gongwen Desk needs and is missing:
# Debian/Ubuntu packages through apt (one update, one install) and, when the
# machine has no Go or one older than go.mod asks for, the Go toolchain from
# the Go module proxy. Safe to run again: it does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(gcc pkg-config libgl1-mesa-dev xorg-dev   # Fyne (cgo, GLFW)
	poppler-utils qpdf                               # PDF checks in the tests
	fonts-hanazono                                   # 花園明朝: rare characters (CJK Ext. B–F) on paper
	xvfb xdotool imagemagick)                         # the real-window smoke test
# groups named on the command line: windows, postgres, ofd, docx, linux
linux=""
for group in "$@"; do
	case "$group" in
	windows) packages+=(gcc-mingw-w64-x86-64 wine wine64 icoutils unzip) ;; # cross build, Wine smoke test (wrestool, zipinfo)
	postgres) packages+=(postgresql) ;;                                      # the store's tests on a server (scripts/pg-test-server.sh)
	ofd)                                                                     # make ofd-check: ofd.js renders the OFD in headless Chromium
		packages+=(chromium bc)
		command -v npm >/dev/null || packages+=(npm) ;; # fetches ofd.js
	docx) ;;                                                                 # LibreOffice Writer, below
	linux)
		# the Linux packages: the arm64 cross build for 飞腾/鲲鹏 desktops
		# (Debian's aarch64 gcc and the arm64 -dev libraries GLFW links, from
		# dpkg's arm64 architecture), qemu to run it here, dpkg-dev
		# (dpkg-shlibdeps) and desktop-file-utils for the .deb files
		linux=1
		packages+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user dpkg-dev desktop-file-utils
			libgl-dev:arm64 libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64
			libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64) ;;
	*) echo "未知的软件包组：$group（可用 windows、postgres、ofd、docx、linux）" >&2; exit 2 ;;
	esac
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ -n "$linux" ] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
	$sudo dpkg --add-architecture arm64 # before the update below, which then reads arm64's lists too
fi
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "安装系统软件包：${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# make docx-check converts the Word files with LibreOffice (only Writer,
# without the suggested desktop)
if [[ " $* " == *" docx "* ]] && ! command -v soffice >/dev/null; then
	echo "安装系统软件包：libreoffice-writer"
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-writer >/dev/null
fi

want=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
have=$(go env GOVERSION 2>/dev/null | sed 's/^go//' || true)
# GONGWEN_FETCH_GO=1 takes this path even when the machine's Go would do (to test it).
if [ -z "$have" ] || [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -1)" != "$want" ] || [ -n "${GONGWEN_FETCH_GO:-}" ]; then
	dest="${XDG_CACHE_HOME:-$HOME/.cache}/gongwen/go$want"
	if [ ! -x "$dest/bin/go" ]; then
		echo "安装 Go $want 工具链"
		if ! command -v go >/dev/null; then # any Go with modules can fetch the one go.mod wants
			$sudo apt-get install -y -qq golang-go >/dev/null
		fi
		# The toolchain is a module on the Go module proxy; the go command
		# fetches it like any other module, then it is copied out of the
		# read-only module cache with its programs made executable.
		tc="golang.org/toolchain@v0.0.1-go$want.linux-$(dpkg --print-architecture)"
		dir=$(cd "$(mktemp -d)" && GOFLAGS=-mod=mod GO111MODULE=on go mod download -json "$tc" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
		[ -n "$dir" ] || { echo "无法取得 Go $want 工具链" >&2; exit 1; }
		mkdir -p "$dest" && cp -r "$dir"/. "$dest"/ && chmod -R u+w "$dest"
		chmod +x "$dest"/bin/* "$dest"/pkg/tool/*/*
	fi
fi
