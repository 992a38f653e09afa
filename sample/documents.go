package sample

import (
	"fmt"
	"slices"

	"gongwen/app"
)

// superiorCodes are the 机关代字 of the upper bodies in the sample.
var superiorCodes = map[string]string{
	"市政府办公室": "市府办发", "市应急管理局": "市应急发", "市财政局": "市财预",
	"省政府办公厅": "省府办发", "市住房和城乡建设局": "市建发",
}

var belowCodes = map[string]string{
	"区发展和改革局": "示发改", "区财政局": "示财", "区教育局": "示教", "区住房和城乡建设局": "示建",
	"区应急管理局": "示应急", "区农业农村局": "示农", "区卫生健康局": "示卫健", "区民政局": "示民",
	"桃花镇": "桃政", "柳溪镇": "柳政", "东城街道": "东街办", "西湖街道": "西街办",
}

var instructionTexts = []string{
	"请%s牵头研究落实，按期报送办理结果。",
	"同意拟办意见。请%s抓紧办理，重要情况及时报告。",
	"请%s会同相关部门认真研究，提出具体意见报区政府。",
	"此事关系群众切身利益，请%s高度重视，确保落实到位。",
}

// stage is where a document's handling stops in the sample; stageAll goes
// as far as today allows.
type stage int

const (
	stageAll stage = iota
	stageRegistered
	stageProposed
	stageInstructed
	stageAssigned // assigned and never done: overdue once its limit passes
	stageReturned
	stageTransferred
)

// recentStops are the stages of the newest incoming documents, so that the
// 工作台 has work waiting at every step.
var recentStops = []stage{stageAssigned, stageAssigned, stageAssigned, stageAssigned, stageInstructed, stageInstructed,
	stageAssigned, stageProposed, stageInstructed, stageRegistered, stageProposed, stageAssigned, stageRegistered,
	stageProposed, stageRegistered, stageInstructed, stageRegistered, stageRegistered}

// incoming registers about 200 documents over the last two years and carries
// each through its lifecycle as far as today allows; the newest ones stop
// at the steps of recentStops.
func (b *builder) incoming() error {
	start := b.today.AddDays(-700)
	const count = 180
	var superiors, below []string
	for _, u := range units {
		if u.Kind == app.UnitSuperior {
			superiors = append(superiors, u.Name)
		}
	}
	for name := range belowCodes {
		below = append(below, name)
	}
	slices.Sort(below)
	serials := map[string]int{}
	for i := 0; i < count+len(recentStops); i++ {
		received, stop := start.AddDays(i*700/count), stageAll
		switch i % 60 {
		case 17:
			stop = stageReturned
		case 47:
			stop = stageTransferred
		}
		if i >= count { // the newest, one every working day over the last weeks
			n := count + len(recentStops) - i
			received, stop = b.today.AddDays(-n*7/5), recentStops[i-count]
		}
		for !b.desk.Calendar().IsWorkday(received) {
			received = received.AddDays(1)
		}
		if !b.at(received) {
			break
		}
		t := topics[b.rnd.IntN(len(topics))]
		d := &app.Document{ReceivedOn: received, Copies: 1 + b.rnd.IntN(3), Pages: 2 + b.rnd.IntN(12), Kind: app.KindAction}
		if b.chance(0.4) {
			d.FromUnit = b.pick(superiors)
			d.Title = fmt.Sprintf(b.pick([]string{"关于做好%s工作的通知", "关于印发《%s工作方案》的通知", "关于开展%s专项检查的通知", "关于%s工作情况的通报"}), t.subject)
		} else {
			d.FromUnit = b.pick(below)
			d.Title = fmt.Sprintf(b.pick([]string{"关于%s有关事项的请示", "关于%s工作情况的报告", "关于申请%s专项资金的请示"}), t.subject)
		}
		code := superiorCodes[d.FromUnit] + belowCodes[d.FromUnit]
		serials[code+fmt.Sprint(received.Year)]++
		d.DocNo = fmt.Sprintf("%s〔%d〕%d号", code, received.Year, serials[code+fmt.Sprint(received.Year)])
		if i%9 == 0 { // as secretaries type them: square brackets, the normal form is stored
			d.DocNo = fmt.Sprintf("%s[%d]%d号", code, received.Year, serials[code+fmt.Sprint(received.Year)])
		}
		d.WrittenOn = received.AddDays(-1 - b.rnd.IntN(5))
		switch x := b.rnd.Float64(); {
		case x < 0.04:
			d.Secrecy = app.SecrecyConfid
		case x < 0.10:
			d.Secrecy = app.SecrecySecret
		}
		switch x := b.rnd.Float64(); {
		case x < 0.05:
			d.Urgency = app.UrgencyVeryUrgent
		case x < 0.15:
			d.Urgency = app.UrgencyUrgent
		}
		if stop == stageAll && b.chance(0.3) {
			d.Kind = app.KindReading
		}
		if err := must(d.Title, b.desk.RegisterIncoming(b.ctx, d, false)); err != nil {
			return err
		}
		if err := b.handle(d, t.unit, stop); err != nil {
			return must(d.Serial, err)
		}
	}
	return nil
}

// handle carries an incoming document through 拟办, 批示, 承办, 传阅, 催办,
// 办结 and 归档, each on its own day, stopping at today.
func (b *builder) handle(d *app.Document, lead string, stop stage) error {
	ctx, k := b.ctx, b.desk
	day := d.ReceivedOn
	if stop == stageRegistered {
		return nil
	}
	switch stop {
	case stageReturned:
		_, err := k.ReturnToSender(ctx, d.ID, app.CauseToLeader, "直接报送区政府领导个人，不符合行文规则，请按程序报送")
		return err
	case stageTransferred:
		_, err := k.Transfer(ctx, d.ID, lead, "属部门职责范围内事项，转"+lead+"依职责办理")
		return err
	}
	readers, err := k.SuggestReaders(ctx, &app.Document{FromUnit: d.FromUnit, LeadUnit: lead})
	if err != nil || len(readers) == 0 {
		return err
	}
	day = b.workdays(day, 1)
	if !b.at(day) {
		return nil
	}
	first := readers[0].Name
	proposal := fmt.Sprintf("呈%s同志阅示，拟请%s牵头办理。", first, lead)
	if d.Kind == app.KindReading {
		proposal = fmt.Sprintf("呈%s同志阅，送相关领导传阅。", first)
	}
	if _, err := k.Propose(ctx, d.ID, proposal); err != nil || stop == stageProposed {
		return err
	}
	day = b.workdays(day, 1)
	if !b.at(day) {
		return nil
	}
	for i, r := range readers {
		if i > 1 {
			break
		}
		text := fmt.Sprintf(b.pick(instructionTexts), lead)
		switch {
		case i > 0 && d.Kind == app.KindReading:
			text = "阅。"
		case d.Kind == app.KindReading:
			text = "已阅。"
		case i > 0: // the next leader writes his own line: he agrees with the first
			text = fmt.Sprintf("同意%s同志意见。", first)
		}
		if _, err := k.Instruct(ctx, d.ID, r.Name, text, day); err != nil {
			return err
		}
	}
	var names []string
	for _, r := range readers {
		names = append(names, r.Name)
	}
	if _, err := k.Circulate(ctx, d.ID, names); err != nil || stop == stageInstructed {
		return err
	}
	lastReturn := day
	for i := range names {
		back := b.workdays(day, 1+b.rnd.IntN(4))
		if back.After(b.today) {
			continue // still with the reader
		}
		if _, err := k.ReturnCirculation(ctx, d.ID, i+1, back, b.pick([]string{"已阅", "阅", "同意", ""})); err != nil {
			return err
		}
		if back.After(lastReturn) {
			lastReturn = back
		}
	}
	var done app.Date
	if d.Kind == app.KindReading {
		done = lastReturn
	} else {
		kind := app.LimitWithinPowers
		if b.chance(0.3) {
			kind = app.LimitConsult
		}
		limit := k.Settings().Rules.DefaultLimit(d.Urgency, kind)
		var co []string
		if kind == app.LimitConsult {
			co = []string{b.pick([]string{"区财政局", "区司法局", "区发展和改革局"})}
		}
		if _, err := k.Assign(ctx, d.ID, lead, co, limit); err != nil || stop == stageAssigned {
			return err
		}
		due := b.workdays(day, limit)
		done = b.workdays(day, limit-b.rnd.IntN(limit))
		if b.chance(0.15) { // a slow unit: reminded, done late
			done = b.workdays(due, 5+b.rnd.IntN(25))
			if remind := b.workdays(due, 1); b.at(remind) {
				if _, err := k.Remind(ctx, d.ID, ""); err != nil {
					return err
				}
			}
		}
	}
	if done.Before(lastReturn) {
		done = lastReturn
	}
	if !b.at(done) {
		return nil
	}
	result := "已阅知。"
	if d.Kind == app.KindAction {
		result = fmt.Sprintf("%s已按批示要求办理完毕，书面报告已报区政府。", lead)
	}
	if _, err := k.Complete(ctx, d.ID, result); err != nil {
		return err
	}
	return b.file(d.ID, d.ReceivedOn.Year, d.Kind == app.KindReading, done)
}

// file archives a finished document in the first weeks of the next year.
func (b *builder) file(id int64, year int, minor bool, done app.Date) error {
	if year >= b.today.Year {
		return nil
	}
	day := app.D(year+1, 1, 10).AddDays(b.rnd.IntN(30))
	if day.Before(done) {
		day = done
	}
	if !b.at(day) {
		return nil
	}
	retention := app.Retain30
	switch {
	case minor:
		retention = app.Retain10
	case b.chance(0.25):
		retention = app.RetainForever
	}
	_, err := b.desk.Archive(b.ctx, id, year, retention)
	return err
}

// outgoing drafts about 40 documents and carries them to 印发 and 归档.
func (b *builder) outgoing() error {
	start := b.today.AddDays(-690)
	const count = 40
	// the newest drafts wait at 核稿, 审核, 签发 and 印发
	waiting := []int{4, 3, 2, 1}
	for i := 0; i < count+len(waiting); i++ {
		day, steps := start.AddDays(i*690/count), 5
		if i >= count {
			day, steps = b.today.AddDays(-10-(count+len(waiting)-i)), waiting[i-count]-1
		}
		for !b.desk.Calendar().IsWorkday(day) {
			day = day.AddDays(1)
		}
		if !b.at(day) {
			break
		}
		t := topics[(i*7)%len(topics)]
		code := settings.IssuingCodes[i%len(settings.IssuingCodes)]
		d := &app.Document{IssuingCode: code.Code, DraftUnit: t.unit, Drafter: b.pick([]string{"刘文书", "黄晓明", "何静"}), DraftedOn: day,
			Title:  fmt.Sprintf(b.pick([]string{"关于进一步加强%s工作的通知", "关于印发《示例区%s实施方案》的通知", "关于%s工作的意见"}), t.subject),
			MainTo: "各镇人民政府、街道办事处，区政府各部门，区直各单位", CopyTo: "区委办公室，区人大常委会办公室，区政协办公室",
			Copies: 1, Pages: 3 + b.rnd.IntN(8)}
		d.Genre, d.Disclosure = app.GenreOfTitle(d.Title), app.DiscloseActively
		if i%10 == 3 {
			d.Secrecy = app.SecrecySecret
			d.Disclosure, d.DisclosureReason = app.DiscloseNot, "涉密文件"
		} else if i%10 == 6 {
			d.Disclosure = app.DiscloseOnRequest
		}
		if err := must(d.Title, b.desk.DraftOutgoing(b.ctx, d)); err != nil {
			return err
		}
		if err := b.issue(d, code, steps); err != nil {
			return must(d.Title, err)
		}
	}
	return nil
}

// issue carries a draft through at most steps of 核稿, 审核, 签发, 印发 and
// 归档.
func (b *builder) issue(d *app.Document, code app.IssuingCode, steps int) error {
	ctx, k := b.ctx, b.desk
	day := b.workdays(d.DraftedOn, 1)
	if steps < 1 || !b.at(day) {
		return nil
	}
	if _, err := k.CheckDraft(ctx, d.ID); err != nil {
		return err
	}
	day = b.workdays(day, 1)
	if steps < 2 || !b.at(day) {
		return nil
	}
	if _, err := k.ReviewDraft(ctx, d.ID, "赵丽娟", "同意。", day); err != nil {
		return err
	}
	if _, err := k.ReviewDraft(ctx, d.ID, "陈志远", "同意，呈签发。", day); err != nil {
		return err
	}
	if code.Body == app.IssuerGovernment {
		if _, err := k.ReviewDraft(ctx, d.ID, leaderInCharge(d.DraftUnit), "同意。", day); err != nil {
			return err
		}
	}
	day = b.workdays(day, 1)
	if steps < 3 || !b.at(day) {
		return nil
	}
	signer := "陈志远"
	if code.Body == app.IssuerGovernment {
		signer = "王建国"
	}
	if _, err := k.Sign(ctx, d.ID, signer, day); err != nil {
		return err
	}
	day = b.workdays(day, 1)
	if steps < 4 || !b.at(day) {
		return nil
	}
	if _, err := k.Issue(ctx, d.ID, day, 60+10*b.rnd.IntN(10)); err != nil {
		return err
	}
	return b.file(d.ID, day.Year, false, day)
}
