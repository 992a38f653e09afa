package app

import "sort"

// SuggestReaders proposes the order in which the government's leaders read
// an incoming document (003 第二十五条): documents from superior bodies go
// top-down, from the 区长 down the list; requests and reports from below go
// bottom-up, the vice-mayor in charge of the lead unit first, then up to the
// 区长.
func SuggestReaders(d *Document, leaders []Leader, units []Unit) []Leader {
	var gov []Leader
	for _, l := range leaders {
		if l.Active && l.Role.IsGovernmentLeader() {
			gov = append(gov, l)
		}
	}
	sort.SliceStable(gov, func(i, j int) bool { return gov[i].Order < gov[j].Order })
	if IsSuperiorSender(d.FromUnit, units) {
		return gov
	}
	// Bottom-up: the leaders in charge of the units concerned, then every
	// leader above the highest-ranked of them, lowest rank first.
	lowest := -1
	for i, l := range gov {
		if l.InCharge(d.LeadUnit) || l.InCharge(d.FromUnit) {
			lowest = i
		}
	}
	var out []Leader
	if lowest < 0 {
		// nobody is in charge by the unit lists: the 常务副区长 then the 区长
		for i := len(gov) - 1; i >= 0; i-- {
			if gov[i].Role != RoleViceMayor {
				out = append(out, gov[i])
			}
		}
		return out
	}
	for i := lowest; i >= 0; i-- {
		l := gov[i]
		if l.Role == RoleViceMayor && !(l.InCharge(d.LeadUnit) || l.InCharge(d.FromUnit)) {
			continue // another vice-mayor's portfolio
		}
		out = append(out, l)
	}
	return out
}
