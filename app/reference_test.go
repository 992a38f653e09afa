package app

import (
	"strings"
	"testing"
)

func TestLeaderNamed(t *testing.T) {
	leaders := []Leader{
		{Name: "孙主任", Role: RoleOfficeDirector, Order: 4, Active: true},
		{Name: "王区长", Role: RoleMayor, Order: 1, Active: true},
		{Name: "钱副区长", Role: RoleViceMayor, Order: 3, Active: false},
		{Name: "赵副区长", Role: RoleExecutiveVice, Order: 2, Active: true},
	}
	if l, err := LeaderNamed(leaders, " 王区长 "); err != nil || l.Role != RoleMayor {
		t.Errorf("a listed name: %+v, %v", l, err)
	}
	// a leader who has left is still on the list: records of his time stand
	if _, err := LeaderNamed(leaders, "钱副区长"); err != nil {
		t.Errorf("an inactive leader: %v", err)
	}
	_, err := LeaderNamed(leaders, "李副区长")
	if ErrorCode(err) != ENOTFOUND {
		t.Fatalf("an unlisted name: %v", err)
	}
	// the message lists whom one may pick, in the office's order, without the inactive
	want := "名单中的领导：王区长（区长）、赵副区长（常务副区长）、孙主任（主任）。"
	if msg := ErrorMessage(err); !strings.Contains(msg, "领导名单中没有“李副区长”") || !strings.Contains(msg, want) {
		t.Errorf("message %q, want the valid names %q", msg, want)
	}
	if m, ok := MissingOf(err); !ok || m.Kind != MissingLeader || m.Name != "李副区长" {
		t.Errorf("missing: %+v %v", m, ok)
	}
	_, err = LeaderNamed(nil, "李副区长")
	if m, ok := MissingOf(err); !ok || m.Kind != MissingLeader || !strings.Contains(ErrorMessage(err), "名单还是空的") {
		t.Errorf("an empty list: %v, %+v", err, m)
	}
	if _, err := LeaderNamed(leaders, "  "); ErrorCode(err) != EINVALID {
		t.Errorf("no name: %v", err)
	}
}

func TestArchiveWithoutFondsNamesTheMissingSetting(t *testing.T) {
	err := Archive{Year: 2026, Retention: Retain30, Piece: 1}.Validate()
	if m, ok := MissingOf(err); !ok || m.Kind != MissingFonds {
		t.Errorf("%v: missing %+v", err, m)
	}
}
