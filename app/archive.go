package app

import (
	"fmt"
	"strings"
)

// Retention is the 保管期限 of DA/T 22-2015.
type Retention string

const (
	RetainForever Retention = "Y"   // 永久
	Retain30      Retention = "D30" // 定期30年
	Retain10      Retention = "D10" // 定期10年
)

var Retentions = []Retention{RetainForever, Retain30, Retain10}

func (r Retention) Label() string {
	switch r {
	case RetainForever:
		return "永久"
	case Retain30:
		return "定期30年"
	case Retain10:
		return "定期10年"
	}
	return string(r)
}

// Archive is the filing data of one item (件).
type Archive struct {
	Fonds     string // 全宗号, e.g. Z109
	Year      int
	Retention Retention
	OrgCode   string // 机构(问题)代码, e.g. BGS
	Piece     int    // 件号
	FiledOn   Date
}

// IsZero reports whether the document is not filed.
func (a Archive) IsZero() bool { return a.Piece == 0 }

// Number is the 档号: 全宗号-门类代码·年度-保管期限-机构代码-件号, e.g.
// Z109-WS·2011-Y-BGS-0001 (门类代码 WS, 文书).
func (a Archive) Number() string {
	if a.IsZero() {
		return ""
	}
	parts := []string{a.Fonds, fmt.Sprintf("WS·%d", a.Year), string(a.Retention)}
	if a.OrgCode != "" {
		parts = append(parts, a.OrgCode)
	}
	parts = append(parts, fmt.Sprintf("%04d", a.Piece))
	return strings.Join(parts, "-")
}

// Validate checks the filing data with its 件号.
func (a Archive) Validate() error {
	if err := a.CheckFiling(); err != nil {
		return err
	}
	if a.Piece < 1 || a.Piece > 9999 {
		return Errorf(EINVALID, "件号应为1到9999")
	}
	return nil
}

// CheckFiling checks the filing data but the 件号, which the desk takes from
// its counter once the rest is right.
func (a Archive) CheckFiling() error {
	switch {
	case strings.TrimSpace(a.Fonds) == "":
		return NeedsSetting(Errorf(EINVALID, "请在设置中填写全宗号（档号的第一段，由档案馆给定）"), MissingFonds, "")
	case a.Year < 1949 || a.Year > 2200:
		return Errorf(EINVALID, "归档年度不对")
	case a.Retention != RetainForever && a.Retention != Retain30 && a.Retention != Retain10:
		return Errorf(EINVALID, "保管期限应为永久、定期30年或定期10年")
	}
	return nil
}
