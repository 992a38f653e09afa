#!/usr/bin/env bash
# Rebuilds the bundled fonts from their published sources (see README.md).
# Needs: npm, Debian's python3-fonttools and fonts-lxgw-wenkai.
set -euo pipefail
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @expo-google-fonts/noto-sans-sc@0.4.3 @expo-google-fonts/noto-serif-sc@0.4.3 >/dev/null
for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done

common="U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203B,U+2103,U+2116,U+2160-216B,U+2190-2193,U+2460-2473,U+25A0-25CF,U+2605-2606,U+3000-303F,U+3220-3229,U+FE30-FE4F,U+FF01-FF5E,U+FFE0-FFE5"
full="$common,U+4E00-9FA5"
gb2312="$common,$(/usr/bin/python3 -c "print(','.join('U+%04X'%c for c in range(0x4E00,0x9FA6) if len(chr(c).encode('gb2312','ignore'))==2))")"

subset() { # source, unicodes, output
	/usr/bin/python3 -m fontTools.subset "$1" --unicodes="$2" --no-hinting --desubroutinize \
		--layout-features='' --drop-tables+=DSIG,GSUB,GPOS,GDEF --name-IDs='*' --output-file="$3"
}
sans=expo-google-fonts-noto-sans-sc-0.4.3/package
serif=expo-google-fonts-noto-serif-sc-0.4.3/package
subset $serif/400Regular/NotoSerifSC_400Regular.ttf "$full" "$out/NotoSerifSC-Regular.ttf"
subset $serif/700Bold/NotoSerifSC_700Bold.ttf "$gb2312" "$out/NotoSerifSC-Bold.ttf"
subset $sans/400Regular/NotoSansSC_400Regular.ttf "$full" "$out/NotoSansSC-Regular.ttf"
subset $sans/700Bold/NotoSansSC_700Bold.ttf "$full" "$out/NotoSansSC-Bold.ttf"
subset $sans/700Bold/NotoSansSC_700Bold.ttf "$gb2312" "$out/NotoSansSC-Bold-UI.ttf"
subset /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf "$gb2312" kai.ttf
/usr/bin/python3 - kai.ttf "$out/GongwenKai-Regular.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
for r in list(f['name'].names):
    new = {1: 'Gongwen Kai', 4: 'Gongwen Kai', 16: 'Gongwen Kai', 6: 'GongwenKai-Regular',
           3: 'Gongwen Kai Regular; subset of LXGW WenKai'}.get(r.nameID)
    if new:
        f['name'].setName(new, r.nameID, r.platformID, r.platEncID, r.langID)
f.save(sys.argv[2])
PY
