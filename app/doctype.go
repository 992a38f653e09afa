package app

import (
	"context"
	"slices"
	"strings"
)

// Genre is the 文种 of a document: the fifteen of the 党政机关公文处理工作条例
// (第八条), as GB/T 9704 prints them. "" is 未注明 (registers kept before
// the 文种 was recorded).
type Genre string

const (
	GenreRequest  Genre = "请示"
	GenreReport   Genre = "报告"
	GenreNotice   Genre = "通知"
	GenreLetter   Genre = "函"
	GenreOpinion  Genre = "意见"
	GenreDecision Genre = "决定"
	GenreMinutes  Genre = "纪要"
	GenreReply    Genre = "批复"
)

var Genres = []Genre{GenreNotice, GenreRequest, GenreReport, GenreLetter, GenreOpinion, GenreDecision,
	GenreMinutes, GenreReply, "通报", "公告", "通告", "决议", "命令（令）", "公报", "议案"}

// ParseGenre accepts a 文种 as registers write it; "" stays 未注明.
func ParseGenre(s string) (Genre, error) {
	t := strings.TrimSpace(s)
	switch t {
	case "", "未注明":
		return "", nil
	case "命令", "令":
		return "命令（令）", nil
	case "会议纪要":
		return GenreMinutes, nil
	}
	if g := Genre(t); slices.Contains(Genres, g) {
		return g, nil
	}
	return "", Errorf(EINVALID, "文种“%s”无法识别，应为 通知、请示、报告、函、意见、决定、纪要、批复、通报、公告 等", Excerpt(s))
}

// GenreOfTitle guesses the 文种 from the last words of a title ("关于…的请示").
func GenreOfTitle(title string) Genre {
	t := strings.TrimRight(strings.TrimSpace(title), "。）)")
	for _, g := range Genres {
		if strings.HasSuffix(t, string(g)) {
			return g
		}
	}
	if strings.HasSuffix(t, "令") {
		return "命令（令）"
	}
	return ""
}

func (d *Document) validateGenre() error {
	d.SenderSigner = strings.TrimSpace(d.SenderSigner)
	if d.Genre != "" && !slices.Contains(Genres, d.Genre) {
		return Errorf(EINVALID, "文种“%s”无法识别", Excerpt(string(d.Genre)))
	}
	return nil
}

// matterJoints are the words by which a title joins matters: a 请示 whose
// title holds one of them probably asks for more than one thing. It is a
// heuristic on the title only, so it warns and never refuses.
var matterJoints = []string{"和", "及", "与", "并", "、", "暨", "以及"}

// GenreWarnings are the 行文规则 a document seems to break, as warnings
// (003 第二十四条: "行文时一事一请、不得一文多请；报告性公文中不得夹带请示事项";
// 004 二十七: "请示应当一文一事，报告不得夹带请示事项"; 004 三十: 部门报送区政府的
// 公文须由主要负责同志签发). The secretary decides: they never refuse a step.
func (d *Document) GenreWarnings() []string {
	var out []string
	title := strings.TrimSpace(d.Title)
	subject := strings.TrimSuffix(strings.TrimPrefix(title, "关于"), string(d.Genre))
	switch d.Genre {
	case GenreRequest:
		if slices.ContainsFunc(matterJoints, func(j string) bool { return strings.Contains(subject, j) }) {
			out = append(out, "请示应当一文一事（海门区政府工作规则第二十四条、西市区政府工作规则二十七），标题似含多个事项，请核对")
		}
		if d.Direction == Outgoing && strings.ContainsAny(d.MainTo, "、，,；;") {
			out = append(out, "请示原则上主送一个上级机关，不得多头报文（海门区政府工作规则第二十四条）")
		}
		if d.Direction == Incoming && d.SenderSigner == "" {
			out = append(out, "来文请示未登记签发人：部门报送区政府的公文须由主要负责同志签发（西市区政府工作规则三十）")
		}
	case GenreReport:
		if slices.ContainsFunc([]string{"请示", "申请", "请求", "恳请", "请予", "批准"}, func(w string) bool { return strings.Contains(title, w) }) {
			out = append(out, "报告不得夹带请示事项（海门区政府工作规则第二十四条、西市区政府工作规则二十七），标题似含请示事项，请核对")
		}
	}
	return out
}

// ReturnCause is the preset cause of a 退文, so that 退文 can be counted by
// cause (002 补充规定 一(二)1–5; 003 第二十四条; 004 二十七).
type ReturnCause string

const (
	CauseSkipLevel    ReturnCause = "越级请示"
	CauseNotConsulted ReturnCause = "涉及其他部门未经协商"
	CauseToLeader     ReturnCause = "直接报送领导个人"
	CausePartyMatter  ReturnCause = "党务事项或未经区委部门审核"
	CauseManyMatters  ReturnCause = "请示一文多事"
	CauseManyAddress  ReturnCause = "多头报文"
	CauseReportAsks   ReturnCause = "报告夹带请示事项"
	CauseNoSigner     ReturnCause = "未经主要负责同志签发"
	CauseOther        ReturnCause = "其他"
)

// ReturnCauses lists the causes in the order the 退文 dialog offers them.
var ReturnCauses = []ReturnCause{CauseSkipLevel, CauseNotConsulted, CauseToLeader, CausePartyMatter,
	CauseManyMatters, CauseManyAddress, CauseReportAsks, CauseNoSigner, CauseOther}

// Article is the rule a cause rests on, shown in the 退文 dialog.
func (c ReturnCause) Article() string {
	switch c {
	case CauseSkipLevel:
		return "区政府工作规则补充规定一(二)1"
	case CauseNotConsulted:
		return "补充规定一(二)3"
	case CauseToLeader:
		return "补充规定一(二)4；海门第二十四条"
	case CausePartyMatter:
		return "补充规定一(二)5"
	case CauseManyMatters, CauseManyAddress, CauseReportAsks:
		return "海门第二十四条；西市二十七"
	case CauseNoSigner:
		return "西市三十"
	}
	return ""
}

// ReturnCauseCount is how many 退文 a cause had.
type ReturnCauseCount struct {
	Cause ReturnCause // "" for 退文 recorded before causes were preset
	Count int
}

// CountReturnCauses counts the 退文 among docs by cause, in the order of
// ReturnCauses, leaving out causes with none.
func CountReturnCauses(docs []Document) []ReturnCauseCount {
	n := map[ReturnCause]int{}
	for _, d := range docs {
		if d.Status == StatusReturned {
			n[d.ReturnCause]++
		}
	}
	var out []ReturnCauseCount
	for _, c := range append(slices.Clone(ReturnCauses), "") {
		if n[c] > 0 {
			out = append(out, ReturnCauseCount{c, n[c]})
		}
	}
	return out
}

// ReturnCauseCounts counts the year's 退文 by cause.
func (k *Desk) ReturnCauseCounts(ctx context.Context, year int) ([]ReturnCauseCount, error) {
	f := DocumentFilter{Direction: Incoming, Year: year, Statuses: []DocStatus{StatusReturned}, Page: Page{Limit: 1000}}
	var all []Document
	for {
		docs, total, err := k.Store.Documents(ctx, f)
		if err != nil {
			return nil, err
		}
		all = append(all, docs...)
		if len(docs) == 0 || len(all) >= total {
			return CountReturnCauses(all), nil
		}
		f.Offset = len(all)
	}
}
