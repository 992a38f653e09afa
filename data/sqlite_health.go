package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"

	"github.com/mattn/go-sqlite3"

	"gongwen/app"
)

// health is what a store knows of its file's soundness. SQLite's quick
// check runs at open and again before the first write after an I/O error
// or a sign of damage; a damaged file takes no more writes, so that the
// damage does not spread into what the secretary types next.
type health struct {
	mu      sync.Mutex
	suspect bool   // an I/O error or damage was met: check before the next write
	damaged string // the first problem the quick check found
	// opened is closed once the quick check of the open has run (nil when
	// none runs). It runs beside the first reads, so that the window of a
	// large office (300 MB: about 1.7 s of checking) is not held back;
	// the first write waits for it.
	opened chan struct{}
}

// checkAtOpen starts the quick check of a file just opened, on a
// connection of its own.
func (h *health) checkAtOpen(readDSN string) {
	h.opened = make(chan struct{})
	go func() {
		defer close(h.opened)
		// could not check (busy, say): check before the first write
		if err := h.checkFile(context.Background(), readDSN); err != nil {
			h.mu.Lock()
			h.suspect = true
			h.mu.Unlock()
		}
	}()
}

// waitOpened waits for the check at open, if one runs.
func (h *health) waitOpened(ctx context.Context) error {
	if h.opened == nil {
		return nil
	}
	select {
	case <-h.opened:
		return nil
	case <-ctx.Done():
		return mapError(ctx.Err())
	}
}

// quickCheck runs PRAGMA quick_check on db and remembers a problem. It
// fails only when the check itself cannot run for another reason.
func (h *health) quickCheck(ctx context.Context, db *sql.DB) error {
	msgs, err := quickCheckRows(ctx, db)
	problem := ""
	switch {
	case isDamage(err):
		problem = app.ErrorMessage(mapError(err))
	case err != nil:
		return err
	case len(msgs) > 0 && msgs[0] != "ok":
		problem = strings.Join(msgs, "；")
	}
	h.mu.Lock()
	h.damaged, h.suspect = problem, false
	h.mu.Unlock()
	return nil
}

// beforeWrite refuses a write to a damaged file, checking the file first
// when an earlier use met an I/O error. The check reads the file through a
// connection of its own (readDSN): a pool connection could answer from
// pages it cached before the damage.
func (h *health) beforeWrite(ctx context.Context, readDSN string) error {
	if err := h.waitOpened(ctx); err != nil {
		return err
	}
	h.mu.Lock()
	suspect := h.suspect
	h.mu.Unlock()
	if suspect {
		if err := h.checkFile(ctx, readDSN); err != nil {
			return mapError(err)
		}
	}
	return h.refusal()
}

// checkFile runs the quick check through a connection of its own.
func (h *health) checkFile(ctx context.Context, readDSN string) error {
	db, err := sql.Open("sqlite3", readDSN)
	if err != nil {
		return err
	}
	defer db.Close()
	return h.quickCheck(ctx, db)
}

// refusal is the error every write gets while the file is damaged.
func (h *health) refusal() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.damaged == "" {
		return nil
	}
	return app.Errorf(app.EINTERNAL, "%s（%s）", msgDamaged, h.damaged)
}

// after notes an I/O error or damage met by a use of the file.
func (h *health) after(err error) {
	if isDamage(err) {
		h.mu.Lock()
		h.suspect = true
		h.mu.Unlock()
	}
}

// isDamage reports SQLite errors that may mean a damaged file.
func isDamage(err error) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code == sqlite3.ErrIoErr || se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB
}

// quickCheckRows runs PRAGMA quick_check, keeping SQLite's error as it is.
func quickCheckRows(ctx context.Context, db *sql.DB) ([]string, error) {
	return pragmaRows(ctx, db, "PRAGMA quick_check(5)")
}

// pragmaRows reads a one-column result (a PRAGMA's), keeping SQLite's
// error as it is, so that damage can be told from other failures.
func pragmaRows(ctx context.Context, db *sql.DB, query string) ([]string, error) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
