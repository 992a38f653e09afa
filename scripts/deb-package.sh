#!/usr/bin/env bash
# Builds dist/gongwen_VERSION_ARCH.deb (ARCH amd64 or arm64) from the
# program in the Linux tarball of the same architecture, with dpkg-deb
# alone: /usr/bin/gongwen, the menu entry (公文督办台, category Office), the
# icon in the hicolor sizes, and under /usr/share/doc/gongwen the
# 使用说明, the fonts' licences and the copyright file. Depends is what
# dpkg-shlibdeps finds the program linked against, and the X libraries
# GLFW opens itself. The maintainer scripts only refresh the menu and icon
# caches: the user's data (~/.config/Gongwen) is never part of the package.
# Expects dist/gongwen-VERSION-linux-ARCH.tar.xz (make linux, make linux-arm64).
set -euo pipefail
cd "$(dirname "$0")/.."
arch=${1:?usage: deb-package.sh amd64|arm64}
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)
id=$(sed -n 's/^ *ID = "\(.*\)"/\1/p' FyneApp.toml)
tarball=dist/gongwen-$version-linux-$arch.tar.xz
deb=dist/gongwen_${version}_$arch.deb
[ -f "$tarball" ] || { echo "需要先生成 $tarball（make linux 或 make linux-arm64）" >&2; exit 1; }
# The project has no public contact address yet: set GONGWEN_MAINTAINER to
# "Name <address>" for a published package (lintian rejects the default).
maintainer=${GONGWEN_MAINTAINER:-公文督办台项目组 <gongwen@localhost>}
umask 022
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every date in the package is the last commit's, so that the same commit
# gives the same package.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}

tar -xJf "$tarball" -C "$work"
exe=$(find "$work" -path '*/bin/gongwen' -type f | head -1)
[ -n "$exe" ] || { echo "$tarball 中没有 bin/gongwen" >&2; exit 1; }

root=$work/root
doc=$root/usr/share/doc/gongwen
install -D -m 0755 "$exe" "$root/usr/bin/gongwen"
install -D -m 0644 "packaging/linux/$id.desktop" "$root/usr/share/applications/$id.desktop"
for size in 16 22 24 32 48 64 128 256 512; do
	dir=$root/usr/share/icons/hicolor/${size}x$size/apps
	mkdir -p "$dir"
	convert resources/icon.png -resize "${size}x$size" -depth 8 -strip \
		-define png:exclude-chunks=date,time "$dir/$id.png"
	chmod 0644 "$dir/$id.png"
done
install -D -m 0644 packaging/使用说明.txt "$doc/使用说明.txt"
install -m 0644 packaging/linux/Linux使用说明.txt "$doc/Linux使用说明.txt"
for f in resources/fonts/OFL-*.txt; do install -m 0644 "$f" "$doc/"; done
install -m 0644 resources/fonts/README.md "$doc/fonts.md"
install -m 0644 packaging/linux/copyright "$doc/copyright"
date=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
printf 'gongwen (%s) unstable; urgency=medium\n\n  * 公文督办台 %s.\n\n -- %s  %s\n' \
	"$version" "$version" "$maintainer" "$date" | gzip -9n >"$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

# dpkg-shlibdeps reads the libraries' package data of the binary's
# architecture (the :arm64 ones for the cross build) and wants a
# debian/control beside it.
mkdir -p "$work/src/debian"
printf 'Source: gongwen\n\nPackage: gongwen\nArchitecture: any\n' >"$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O -e"$root/usr/bin/gongwen" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') ||
	{ cat "$work/shlibdeps.log" >&2; exit 1; }
[ -n "$depends" ] || { echo "dpkg-shlibdeps 没有给出依赖" >&2; cat "$work/shlibdeps.log" >&2; exit 1; }
# GLFW opens these X libraries at run time (dlopen), where dpkg-shlibdeps
# cannot see them: cursors, monitors, input, scaling.
depends="$depends, libxcursor1, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1"

mkdir -p "$root/DEBIAN"
install -m 0755 packaging/linux/postinst packaging/linux/postrm "$root/DEBIAN/"
cat >"$root/DEBIAN/control" <<CONTROL
Package: gongwen
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: misc
Priority: optional
Description: 公文督办台 — registry and supervision desk for a government office
 The books of a district government office's secretariat: incoming and
 outgoing documents (收文, 发文), seal-usage requests (用印), supervision
 items (督查督办) and meetings (会议纪要), with the paper that goes with
 them. Works offline on one SQLite file in the user's home
 (~/.config/Gongwen/gongwen.db), which removing the package leaves alone.
CONTROL
(cd "$root" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p dist
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
ls -l "$deb"
