package ui

import (
	"gongwen/app"
)

// The units, leaders and seals the name fields offer, read once and
// reread after 设置 changes them.

// loadRef rereads the units, leaders and seals the name fields offer.
func (u *UI) loadRef() {
	units, err1 := u.desk.Store.Units(u.ctx)
	leaders, err2 := u.desk.Store.Leaders(u.ctx)
	seals, err3 := u.desk.Store.Seals(u.ctx)
	u.refMu.Lock()
	defer u.refMu.Unlock()
	if err1 == nil {
		u.units = units
	}
	if err2 == nil {
		u.leaders = app.LeadersInOrder(leaders) // the pick lists' order, as in the messages
	}
	if err3 == nil {
		u.seals_ = seals
	}
}

func (u *UI) unitNames() []string {
	u.refMu.Lock()
	defer u.refMu.Unlock()
	var out []string
	for _, x := range u.units {
		if x.Active {
			out = append(out, x.Name)
		}
	}
	return out
}

func (u *UI) leaderNames() []string {
	u.refMu.Lock()
	defer u.refMu.Unlock()
	var out []string
	for _, x := range u.leaders {
		if x.Active {
			out = append(out, x.Name)
		}
	}
	return out
}

func (u *UI) leaderList() []app.Leader {
	u.refMu.Lock()
	defer u.refMu.Unlock()
	return append([]app.Leader(nil), u.leaders...)
}

func (u *UI) sealList() []app.Seal {
	u.refMu.Lock()
	defer u.refMu.Unlock()
	return append([]app.Seal(nil), u.seals_...)
}

// leadersWith lists the active leaders holding one of roles.
func (u *UI) leadersWith(roles ...app.Role) []string {
	var out []string
	for _, l := range u.leaderList() {
		if !l.Active {
			continue
		}
		for _, r := range roles {
			if l.Role == r {
				out = append(out, l.Name)
				break
			}
		}
	}
	return out
}

// peopleNames are leaders and operators: who reads, signs, keeps seals.
func (u *UI) peopleNames() []string {
	out := u.leaderNames()
	return append(out, u.desk.Settings().Operators...)
}
