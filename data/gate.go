package data

import (
	"sync"
	"time"
)

// gate lets any number of uses of a store's connections run at once, and a
// restore replace the connections when none runs.
//
// A replacement that waits holds new uses back, so that a stream of reads
// cannot put it off for ever. But a use can start inside another (the app
// reads reference data within a write transaction), and holding that one
// back would leave the outer use, and so the replacement, waiting for each
// other. So a replacement that has waited a while without the uses ending
// lets the held ones in, and tries again a moment later.
type gate struct {
	mu        sync.Mutex
	changed   sync.Cond // a use ended, or the uses may go on
	uses      int
	holding   bool // a replacement waits: new uses wait too
	replacing bool
}

// How long a replacement holds new uses back before it lets them in, and
// how long it then waits before it tries again.
const (
	gateHold  = 200 * time.Millisecond
	gatePause = 20 * time.Millisecond
)

// enter starts a use, waiting while a replacement holds uses back or runs.
func (g *gate) enter() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.init()
	for g.holding || g.replacing {
		g.changed.Wait()
	}
	g.uses++
}

// leave ends a use.
func (g *gate) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.uses--
	if g.uses == 0 {
		g.changed.Broadcast()
	}
}

// replace runs fn when no use runs, holding new uses back until it returns.
func (g *gate) replace(fn func()) {
	for !g.tryReplace(fn) {
		time.Sleep(gatePause)
	}
}

// tryReplace holds new uses back and runs fn once the running ones end; if
// they do not end within gateHold it lets the held ones in and reports false.
func (g *gate) tryReplace(fn func()) bool {
	g.mu.Lock()
	g.init()
	for g.holding || g.replacing {
		g.changed.Wait()
	}
	g.holding = true
	g.mu.Unlock()
	for deadline := time.Now().Add(gateHold); ; time.Sleep(time.Millisecond) {
		g.mu.Lock()
		if g.uses == 0 {
			g.holding, g.replacing = false, true
			g.mu.Unlock()
			break
		}
		if time.Now().After(deadline) {
			g.holding = false
			g.changed.Broadcast()
			g.mu.Unlock()
			return false
		}
		g.mu.Unlock()
	}
	defer func() {
		g.mu.Lock()
		g.replacing = false
		g.changed.Broadcast()
		g.mu.Unlock()
	}()
	fn()
	return true
}

func (g *gate) init() {
	if g.changed.L == nil {
		g.changed.L = &g.mu
	}
}
