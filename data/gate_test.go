package data

import (
	"testing"
	"time"
)

// A use that starts another use inside itself (a read within a write
// transaction) goes on while a replacement waits for it (after gateHold);
// the replacement runs once both have ended, and uses that start while it
// runs wait for it.
func TestGateNestedUseWhileReplacing(t *testing.T) {
	var g gate
	g.enter()
	replaced := make(chan struct{})
	go g.replace(func() { close(replaced) })
	time.Sleep(20 * time.Millisecond) // the replacement now waits for the use

	nested := make(chan struct{})
	go func() {
		g.enter()
		g.leave()
		close(nested)
	}()
	select {
	case <-nested:
	case <-time.After(5 * time.Second):
		t.Fatal("a use nested in a running use waits for the replacement for ever")
	}
	select {
	case <-replaced:
		t.Fatal("replaced while a use runs")
	case <-time.After(gateHold + gatePause):
	}
	g.leave()
	select {
	case <-replaced:
	case <-time.After(5 * time.Second):
		t.Fatal("the replacement never ran after the uses ended")
	}

	// a use waits while a replacement runs
	release := make(chan struct{})
	running := make(chan struct{})
	go g.replace(func() { close(running); <-release })
	<-running
	entered := make(chan struct{})
	go func() { g.enter(); close(entered); g.leave() }()
	select {
	case <-entered:
		t.Fatal("a use entered during a replacement")
	case <-time.After(20 * time.Millisecond):
	}
	close(release)
	select {
	case <-entered:
	case <-time.After(5 * time.Second):
		t.Fatal("the use never entered after the replacement")
	}
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
	time.Sleep(10 * time.Millisecond)
	done := make(chan struct{})
	go g.replace(func() { close(done) })
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the replacement waited for ever")
	}
}
