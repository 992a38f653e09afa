package data

import (
	"context"
	"sync"
)

// gate lets any number of uses of a store's connections run at once, and a
// restore (or Close) replace the connections when none runs: a use holds
// the read side of a lock, a replacement the write side. A replacement that
// waits holds new uses back, so that a stream of reads cannot put it off
// for ever.
//
// A use never starts inside another: the reads a write needs go through its
// Tx, and whatever runs inside a Batch through the batch's context (use
// lets those in without entering again). A use that entered again would
// wait for a replacement that waits for it.
type gate struct{ mu sync.RWMutex }

func (g *gate) enter() { g.mu.RLock() }

func (g *gate) leave() { g.mu.RUnlock() }

// replace runs fn when no use runs, holding new uses back until it returns.
func (g *gate) replace(fn func()) {
	g.mu.Lock()
	defer g.mu.Unlock()
	fn()
}

// use enters the gate for one use of the store and returns its leave. A use
// inside a Batch is part of the batch's, which holds the gate already.
func (s *Store) use(ctx context.Context) (leave func()) {
	if ctx.Value(batchKey{}) != nil {
		return func() {}
	}
	s.gate.enter()
	return s.gate.leave
}
