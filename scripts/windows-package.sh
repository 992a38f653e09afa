#!/usr/bin/env bash
# Builds the Windows package in dist/: gongwen.exe (the window, GUI
# subsystem), gongwen-cli.exe (the same program with the console subsystem,
# for cmd and scripts) and 使用说明.txt, zipped with UTF-8 names. The
# version resource is made here, not by `fyne package`, which writes no
# CompanyName and appends FyneApp.toml's Build to the version (0.1.0.2 while
# 关于 says 0.1.0) and counts Build up in FyneApp.toml on every run: the
# file version is Version.0 and the strings say Version, as 关于 does.
# Expects FYNE (the fyne tool) in the environment; run by `make windows`.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${FYNE:?FYNE must name the fyne tool}"
company="公文督办台项目组"
name=$(sed -n 's/^ *Name = "\(.*\)"/\1/p' FyneApp.toml)
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
IFS=. read -r major minor patch <<<"$version"
syso=gongwen_windows_amd64.syso # linked into the Windows build only
work=$(mktemp -d)
# fyne build writes fyne_metadata_init.go beside main.go while it compiles
# and leaves it when stopped: it would go into every later go build
trap 'rm -rf "$work" "$syso" fyne_metadata_init.go' EXIT

convert resources/icon.png -define icon:auto-resize=256,64,48,32,16 "$work/icon.ico"
fixed="{\"Major\": ${major:-0}, \"Minor\": ${minor:-0}, \"Patch\": ${patch:-0}, \"Build\": 0}"
cat >"$work/versioninfo.json" <<JSON
{
	"FixedFileInfo": {"FileVersion": $fixed, "ProductVersion": $fixed,
		"FileFlagsMask": "3f", "FileFlags ": "00", "FileOS": "040004", "FileType": "01", "FileSubType": "00"},
	"StringFileInfo": {"CompanyName": "$company", "FileDescription": "$name", "FileVersion": "$version",
		"InternalName": "gongwen", "ProductName": "$name", "ProductVersion": "$version"},
	"VarFileInfo": {"Translation": {"LangID": "0804", "CharsetID": "04B0"}},
	"IconPath": "$work/icon.ico"
}
JSON
go run github.com/josephspurrier/goversioninfo/cmd/goversioninfo@v1.7.0 -64 -o "$syso" "$work/versioninfo.json"

mkdir -p dist/windows
CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 "$FYNE" build --target windows --release --tags sqlite_fts5,no_emoji -o dist/windows/gongwen.exe
go run ./scripts/winpack console dist/windows/gongwen.exe dist/windows/gongwen-cli.exe
cp packaging/使用说明.txt dist/windows/
zip=dist/gongwen-$version-windows-amd64.zip
go run ./scripts/winpack zip "$zip" dist/windows/gongwen.exe dist/windows/gongwen-cli.exe dist/windows/使用说明.txt
ls -l dist/windows/gongwen.exe dist/windows/gongwen-cli.exe "$zip"
