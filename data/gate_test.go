package data

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"gongwen/app"
)

// deadlock is how long a test waits for what must happen before it calls
// it a deadlock: long enough for any machine, it bounds no speed.
const deadlock = time.Minute

func waitFor(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(deadlock):
		t.Fatalf("%s: deadlock", what)
	}
}

// replacementWaits waits until a replacement of the gate waits for the
// uses that run (a waiting writer refuses new readers).
func replacementWaits(g *gate) {
	for g.mu.TryRLock() {
		g.mu.RUnlock()
		time.Sleep(time.Millisecond)
	}
}

// A write that reads through its Tx, and a Batch that writes and reads
// through its context, go on while a restore waits for them; the restore
// runs once they end, and uses that start while it runs wait for it.
func TestGateNestedUseWhileReplacing(t *testing.T) {
	s := newStore(t)
	saveIncoming(t, s, "备份前登记")
	backup := filepath.Join(t.TempDir(), "backup.db")
	must(t, s.Backup(ctx, backup))

	for _, run := range []struct {
		name string
		use  func(inside func() error) error
	}{
		{"a write", func(inside func() error) error {
			return s.Update(ctx, func(tx app.Tx) error {
				if err := inside(); err != nil {
					return err
				}
				if _, err := tx.Seals(); err != nil {
					return err
				}
				_, err := tx.NextNumber("test")
				return err
			})
		}},
		{"a batch", func(inside func() error) error {
			return s.Batch(ctx, func(ctx context.Context) error {
				if err := inside(); err != nil {
					return err
				}
				if _, err := s.Seals(ctx); err != nil {
					return err
				}
				if _, _, err := s.Documents(ctx, app.DocumentFilter{}); err != nil {
					return err
				}
				return s.Update(ctx, func(tx app.Tx) error { _, err := tx.NextNumber("test"); return err })
			})
		}},
	} {
		started, used, restored := make(chan struct{}), make(chan struct{}), make(chan struct{})
		var useErr, restoreErr error
		go func() {
			defer close(used)
			useErr = run.use(func() error {
				close(started)
				go func() { defer close(restored); restoreErr = s.RestoreFrom(backup) }()
				replacementWaits(&s.gate)
				return nil
			})
		}()
		waitFor(t, started, run.name+" never started")
		waitFor(t, used, run.name+" waits for the restore that waits for it")
		waitFor(t, restored, "the restore after "+run.name+" never ran")
		if useErr != nil || restoreErr != nil {
			t.Errorf("%s: %v; restore: %v", run.name, useErr, restoreErr)
		}
	}

	// a use waits while a replacement runs
	release, running := make(chan struct{}), make(chan struct{})
	go s.gate.replace(func() { close(running); <-release })
	waitFor(t, running, "the replacement never ran")
	entered := make(chan struct{})
	go func() { defer close(entered); s.Dashboard(ctx, app.DashboardQuery{}) }()
	if s.gate.mu.TryRLock() {
		t.Fatal("a use may enter during a replacement")
	}
	close(release)
	waitFor(t, entered, "the use never entered after the replacement")
}

// Uses that follow each other without a gap do not put a replacement off
// for ever: it holds new ones back until the running ones end.
func TestGateReplacesBetweenBusyUses(t *testing.T) {
	var g gate
	stop := make(chan struct{})
	defer close(stop)
	for range 4 {
		go func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				g.enter()
				time.Sleep(time.Millisecond)
				g.leave()
			}
		}()
	}
	done := make(chan struct{})
	go g.replace(func() { close(done) })
	waitFor(t, done, "the replacement waited for ever")
}
