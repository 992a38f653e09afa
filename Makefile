# Gongwen Desk. Every Go command carries the sqlite_fts5 tag: SQLite's
# full-text search is compiled in only with it. no_emoji leaves Fyne's
# colour emoji font out, which the window would parse once per text style.
TAGS    := sqlite_fts5,no_emoji
# scripts/deps.sh puts a Go toolchain here when the machine's is missing or old.
GOVER   := $(shell sed -n 's/^go \([0-9.]*\)$$/\1/p' go.mod)
export PATH := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/gongwen/go$(GOVER)/bin:$(PATH)
GO      := go
VERSION := $(shell sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)

.PHONY: windows linux wine-smoke docx-check linux-arm64 arm64-smoke deb deb-smoke
.PHONY: all deps modules build run test vet bench fuzz-short screenshots samples ofd-check smoke fonts clean

all: build

deps:
	@bash scripts/deps.sh
	@$(MAKE) --no-print-directory modules

modules:
	@$(GO) mod download

build: deps
	$(GO) build -tags $(TAGS) -o gongwen .

# Start the window (a first run offers the sample office).
run: build
	./gongwen

vet:
	$(GO) vet -tags $(TAGS) ./...
	@unformatted=$$("$$($(GO) env GOROOT)/bin/gofmt" -l .); if [ -n "$$unformatted" ]; then echo "gofmt 未格式化的文件：$$unformatted"; exit 1; fi

# Every test: domain rules, the store on real SQLite files, PDFs read back
# with poppler, the window through Fyne's test driver, and the real window
# under Xvfb.
# The store's tests also run on the PostgreSQL server GONGWEN_TEST_PG names
# (scripts/pg-test-server.sh starts one); without it they skip, and say so.
test: build vet
	bash scripts/smoke.sh
	@[ -n "$$GONGWEN_TEST_PG" ] || echo "GONGWEN_TEST_PG is not set: the store's tests on PostgreSQL are skipped (see scripts/pg-test-server.sh)"
	$(GO) test -tags $(TAGS) -count=1 ./...

# The import fuzzed for 20 s with whole (mutated) .xlsx files: it must
# refuse what it cannot read in bounded time and memory. A new input is
# minimised for at most 2 s, which would otherwise take the whole run.
# go test sets no kill timer of its own when fuzzing: the binary's
# -timeout alarm alone ends an input that hangs the reader, after 3 min
# rather than the default 10.
fuzz-short: deps
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz FuzzReadXLSX -fuzztime 20s -fuzzminimizetime 2s -timeout 3m ./exchange/

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchtime 5x ./...

# Regenerate docs/screenshots (every screen with the sample office).
screenshots: deps
	GONGWEN_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -tags $(TAGS) -count=1 -run TestScreenshots ./ui/

# Regenerate docs/samples (one PDF and a PNG of each printed form).
samples: deps
	GONGWEN_SAMPLES=$(CURDIR)/docs/samples $(GO) test -tags $(TAGS) -count=1 -run TestWriteSamples ./reports/

# The Word files of the 督查通报 and the 纪要 converted by LibreOffice and
# drawn beside our PDFs (not part of make test: LibreOffice is large).
docx-check:
	@bash scripts/deps.sh docx
	bash scripts/docx-check.sh $(DOCX_CHECK_DIR)

# An independent reader renders every form's OFD: npm's ofd.js@0.2.6 in
# headless Chromium, beside poppler's rendering of the same PDF, page by
# page in tmp/ofd-check/ (OFD left, PDF right); it fails when ofd.js cannot
# read a file or a page differs. It also draws docs/samples' OFD. About
# three minutes, installs aside: not part of make test.
ofd-check: deps
	bash scripts/deps.sh ofd
	bash scripts/ofd-check.sh

# The real window under Xvfb: it must map and show its title.
smoke: build
	bash scripts/smoke.sh

# Fyne's packaging tool, built for this machine (it then cross-builds).
FYNE := $(CURDIR)/.tools/fyne

$(FYNE):
	GOBIN=$(CURDIR)/.tools $(GO) install fyne.io/tools/cmd/fyne@v1.7.4

# The Windows program: gongwen.exe (the window, GUI subsystem),
# gongwen-cli.exe (the same program as a console program, for scripts),
# icon and version resources, zipped with its 使用说明 for the users.
windows: deps $(FYNE)
	bash scripts/deps.sh windows
	FYNE=$(FYNE) bash scripts/windows-package.sh

# The Linux tarballs (scripts/linux-package.sh): amd64 for 海光, 兆芯, Intel
# and AMD machines, arm64 for 飞腾 and 鲲鹏 ones, cross-built with cgo
# (scripts/deps.sh linux installs Debian's aarch64 gcc and arm64 libraries).
linux: deps $(FYNE)
	FYNE=$(FYNE) bash scripts/linux-package.sh amd64

linux-arm64: deps $(FYNE)
	bash scripts/deps.sh linux
	FYNE=$(FYNE) bash scripts/linux-package.sh arm64

# The arm64 program under qemu-aarch64: the sample office, every book
# exported and a printed slip equal the amd64 program's.
arm64-smoke: linux linux-arm64
	bash scripts/arm64-smoke.sh

# dist/gongwen_VERSION_amd64.deb and _arm64.deb (scripts/deb-package.sh),
# made from the programs in the tarballs.
deb: linux linux-arm64
	bash scripts/deb-package.sh amd64
	bash scripts/deb-package.sh arm64

# Both .deb files installed on this machine with apt, run (arm64 under
# qemu) and removed and purged (needs root): a user's data file stays.
deb-smoke: deb
	bash scripts/deb-smoke.sh

# The Windows program under Wine: same data as Linux, a printed slip, the
# window (screenshot in docs/screenshots/windows-wine.png).
wine-smoke: build windows
	bash scripts/wine-smoke.sh

# Rebuild the bundled fonts from their sources (needs npm and python3-fonttools).
fonts:
	bash resources/fonts/make-fonts.sh

clean:
	rm -rf gongwen gongwen.exe dist fyne_metadata_init.go
