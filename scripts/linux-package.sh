#!/usr/bin/env bash
# Builds the Linux tarball dist/gongwen-VERSION-linux-ARCH.tar.xz with
# `fyne package` (the program, its .desktop entry, icon and a Makefile that
# installs them): ARCH amd64 on this machine, arm64 (飞腾, 鲲鹏) cross-built
# with cgo by Debian's aarch64 gcc against the arm64 -dev libraries that
# `scripts/deps.sh linux` installs. fyne package counts Build up in
# FyneApp.toml on every run, so the file is put back.
# Expects FYNE (the fyne tool) in the environment; run by `make linux` and
# `make linux-arm64`.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${FYNE:?FYNE must name the fyne tool}"
arch=${1:?usage: linux-package.sh amd64|arm64}
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
name=$(sed -n 's/^ *Name = "\(.*\)"/\1/p' FyneApp.toml)
case "$arch" in
amd64) ;;
arm64)
	command -v aarch64-linux-gnu-gcc >/dev/null || { echo "缺少 aarch64-linux-gnu-gcc：请先运行 bash scripts/deps.sh linux" >&2; exit 1; }
	export GOARCH=arm64 CC=aarch64-linux-gnu-gcc PKG_CONFIG_PATH=/usr/lib/aarch64-linux-gnu/pkgconfig
	;;
*) echo "不支持的架构：$arch" >&2; exit 2 ;;
esac
export GOOS=linux CGO_ENABLED=1

kept=$(mktemp)
cp FyneApp.toml "$kept"
trap 'cp "$kept" FyneApp.toml; rm -f "$kept" fyne_metadata_init.go' EXIT # fyne's own file, left when it stops early
"$FYNE" package -os linux --release --tags sqlite_fts5,no_emoji --src .
mkdir -p dist
mv "$name.tar.xz" "dist/gongwen-$version-linux-$arch.tar.xz"
ls -l "dist/gongwen-$version-linux-$arch.tar.xz"
