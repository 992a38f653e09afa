package app

import (
	"slices"
	"testing"
)

func sampleLeaders() []Leader {
	return []Leader{
		{Name: "王建国", Role: RoleMayor, Order: 1, Active: true},
		{Name: "周常务", Role: RoleExecutiveVice, Order: 2, Active: true, Units: []string{"区发改局"}},
		{Name: "李财政", Role: RoleViceMayor, Order: 3, Active: true, Units: []string{"区财政局", "区审计局"}},
		{Name: "吴城建", Role: RoleViceMayor, Order: 4, Active: true, Units: []string{"区住建局"}},
		{Name: "陈主任", Role: RoleOfficeDirector, Order: 5, Active: true},
		{Name: "退休者", Role: RoleViceMayor, Order: 6, Active: false},
	}
}

func names(ls []Leader) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

func TestSuggestReaders(t *testing.T) {
	units := []Unit{{Name: "市政府办公室", Kind: UnitSuperior}, {Name: "区财政局", Kind: UnitDepartment}}
	tests := []struct {
		name string
		doc  Document
		want []string
	}{
		{"from a superior body: top-down", Document{FromUnit: "市政府办公室"}, []string{"王建国", "周常务", "李财政", "吴城建"}},
		{"a superior body not in the list, by its name", Document{FromUnit: "省人民政府办公厅"}, []string{"王建国", "周常务", "李财政", "吴城建"}},
		{"a request from below: the vice-mayor in charge first, then up", Document{FromUnit: "区财政局"}, []string{"李财政", "周常务", "王建国"}},
		{"by the lead unit", Document{FromUnit: "桃花镇", LeadUnit: "区住建局"}, []string{"吴城建", "周常务", "王建国"}},
		{"nobody in charge: 常务 then 区长", Document{FromUnit: "桃花镇"}, []string{"周常务", "王建国"}},
	}
	for _, tt := range tests {
		got := names(SuggestReaders(&tt.doc, sampleLeaders(), units))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
