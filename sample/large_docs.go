package sample

import (
	"fmt"
	"slices"

	"gongwen/app"
)

// largeTopics are the matters of the large office's documents, items and
// meetings, with the unit that handles each: the small sample's and more.
var largeTopics = func() []struct{ subject, unit string } {
	out := append([]struct{ subject, unit string }(nil), topics...)
	return append(out, []struct{ subject, unit string }{
		{"安全生产大检查", "区应急管理局"}, {"危险化学品安全整治", "区应急管理局"}, {"道路交通安全整治", "区公安分局"},
		{"春节期间市场保供稳价", "区市场监督管理局"}, {"药品安全专项整治", "区市场监督管理局"}, {"学前教育普及普惠", "区教育局"},
		{"中小学校舍安全", "区教育局"}, {"疫苗接种", "区卫生健康局"}, {"爱国卫生运动", "区卫生健康局"},
		{"养老服务体系建设", "区民政局"}, {"困难群众救助", "区民政局"}, {"根治欠薪", "区人力资源和社会保障局"},
		{"高校毕业生就业", "区人力资源和社会保障局"}, {"乡村振兴", "区农业农村局"}, {"农村集体产权制度改革", "区农业农村局"},
		{"动物疫病防控", "区农业农村局"}, {"自然资源确权登记", "区自然资源局"}, {"违法用地整治", "区自然资源局"},
		{"城乡供水一体化", "区水利局"}, {"农村饮水安全", "区水利局"}, {"重大项目建设", "区发展和改革局"},
		{"招商引资", "区发展和改革局"}, {"政府投资项目管理", "区发展和改革局"}, {"国有资产管理", "区财政局"},
		{"财政资金直达", "区财政局"}, {"法治政府建设", "区司法局"}, {"人民调解", "区司法局"},
		{"市容环境整治", "区城市管理局"}, {"违法建设治理", "区城市管理局"}, {"保障性住房建设", "区住房和城乡建设局"},
		{"建筑施工安全", "区住房和城乡建设局"}, {"信访突出问题", "区信访局"}, {"集镇环境提升", "桃花镇"},
		{"特色小镇建设", "柳溪镇"}, {"老旧街区更新", "东城街道"}, {"社区治理", "西湖街道"},
		{"高层建筑消防安全", "区消防救援大队"}, {"电动自行车安全隐患整治", "区消防救援大队"}, {"扫黑除恶常态化", "区公安分局"},
	}...)
}()

type sender struct{ name, code string }

// largeSuperiors send documents down; the first five are the sample's
// superior units, the others are known by their names (市…, 省…).
var largeSuperiors = []sender{
	{"市政府办公室", "市府办发"}, {"市应急管理局", "市应急发"}, {"市财政局", "市财预"}, {"省政府办公厅", "省府办发"},
	{"市住房和城乡建设局", "市建发"}, {"市人民政府", "市政发"}, {"市发展和改革委员会", "市发改"}, {"市教育局", "市教发"},
	{"市卫生健康委员会", "市卫健发"}, {"省应急管理厅", "省应急发"}, {"市生态环境局", "市环发"}, {"市农业农村局", "市农发"},
	{"市人力资源和社会保障局", "市人社发"}, {"市自然资源和规划局", "市自然资发"}, {"市市场监督管理局", "市市监发"},
}

// largeBelow report and request upwards: the sample's departments and
// towns.
var largeBelow = []sender{
	{"区发展和改革局", "示发改"}, {"区财政局", "示财"}, {"区教育局", "示教"}, {"区住房和城乡建设局", "示建"},
	{"区应急管理局", "示应急"}, {"区农业农村局", "示农"}, {"区卫生健康局", "示卫健"}, {"区民政局", "示民"},
	{"区司法局", "示司"}, {"区自然资源局", "示自然资"}, {"区市场监督管理局", "示市监"}, {"区人力资源和社会保障局", "示人社"},
	{"区水利局", "示水"}, {"区信访局", "示信访"}, {"区城市管理局", "示城管"}, {"区公安分局", "示公"},
	{"区消防救援大队", "示消"}, {"桃花镇", "桃政"}, {"柳溪镇", "柳政"}, {"东城街道", "东街办"}, {"西湖街道", "西街办"},
}

var (
	superiorTitles = []string{"关于做好{s}工作的通知", "关于印发《{s}工作方案》的通知", "关于开展{s}专项检查的通知",
		"关于{s}工作情况的通报", "关于做好{y}年{s}工作的通知", "关于进一步加强{s}工作的意见", "关于报送{s}有关情况的函",
		"关于转发《{s}工作要点》的通知", "关于{y}年度{s}考核结果的通报"}
	belowTitles = []string{"关于{s}有关事项的请示", "关于{s}工作情况的报告", "关于申请{s}专项资金的请示",
		"关于{y}年{s}工作总结的报告", "关于{s}存在问题及整改情况的报告", "关于请求协调解决{s}有关问题的请示",
		"关于{y}年上半年{s}工作进展情况的报告"}
	outgoingTitles = []string{"关于进一步加强{s}工作的通知", "关于印发《示例区{s}实施方案》的通知", "关于{s}工作的意见",
		"关于做好{y}年{s}工作的通知", "关于{s}工作情况的通报", "关于成立示例区{s}工作领导小组的通知", "关于{s}有关问题的批复"}
	largeInstructions = []string{
		"请{u}牵头研究落实，按期报送办理结果。",
		"同意拟办意见。请{u}抓紧办理，重要情况及时报告。",
		"请{u}会同相关部门认真研究，提出具体意见报区政府。",
		"此事关系群众切身利益，请{u}高度重视，确保落实到位。",
		"请{u}按照上级要求抓好贯彻落实，{m}月底前报送落实情况。",
		"请{u}认真核实，依法依规妥善处理，并将结果报我。",
		"拟同意。请{u}商区财政局提出资金安排意见。",
		"请{u}结合实际制定具体方案，压实责任，狠抓落实。",
	}
	largeResults = []string{
		"{u}已按批示要求办理完毕，书面报告已报区政府。",
		"{u}已制定实施方案并组织实施，办理情况已书面反馈。",
		"经{u}研究，已按要求落实到位，相关材料已归档。",
		"{u}已会同有关部门完成办理，并向来文单位作了答复。",
	}
	circulationComments = []string{"已阅", "阅", "同意", "", "请按批示办理"}
	consultUnits        = []string{"区财政局", "区司法局", "区发展和改革局", "区自然资源局", "区市场监督管理局"}
	drafters            = []string{"刘文书", "黄晓明", "何静", "周小燕", "吴建军"}
	mainTo              = []string{"各镇人民政府、街道办事处，区政府各部门，区直各单位", "区政府各部门", "各镇人民政府、街道办事处",
		"市人民政府办公室", "区委办公室"}
)

// leader finds one of the sample's leaders by name.
func (g *large) leader(name string) app.Leader {
	for _, l := range g.leaders {
		if l.Name == name {
			return l
		}
	}
	panic("示例数据中没有领导" + name)
}

// deputyFor is the 副主任 linked to the vice-mayor in charge of unit.
func (g *large) deputyFor(unit string) app.Leader {
	vice := leaderInCharge(unit)
	for _, l := range g.leaders {
		if l.Role == app.RoleDeputyDirector && l.LinkedTo == vice {
			return l
		}
	}
	return g.leader("钱玉梅")
}

// archivePlan is a filing decided when the record is made; its 件号 is
// taken when the record is written.
type archivePlan struct {
	year      int
	retention app.Retention
	filedOn   app.Date
}

func (g *large) archiveAs(tx app.Tx, d *app.Document, p *archivePlan) error {
	if p == nil {
		return nil
	}
	n, err := next(tx, "archive:%d:%s", p.year, p.retention)
	if err != nil {
		return err
	}
	return d.ArchiveAs(app.Archive{Fonds: g.st.FondsCode, Year: p.year, Retention: p.retention, OrgCode: g.st.OrgCode, Piece: n, FiledOn: p.filedOn})
}

// filing plans the archiving of a record of year finished on done: in the
// first weeks of the next year, once that day has come.
func (g *large) filing(r rng, year int, done app.Date, minor bool) *archivePlan {
	if year >= g.today.Year {
		r.IntN(30) // the same draws whether or not the year is over
		r.Float64()
		return nil
	}
	day := app.D(year+1, 1, 10).AddDays(r.IntN(30))
	if day.Before(done) {
		day = done
	}
	retention := app.Retain30
	switch x := r.Float64(); {
	case minor:
		retention = app.Retain10
	case x < 0.25:
		retention = app.RetainForever
	}
	if !g.past(day) {
		return nil
	}
	return &archivePlan{year: year, retention: retention, filedOn: day}
}

// incoming makes incoming document j, received on day, and carries it as
// far as today allows: 拟办, 批示, 传阅, 交办, 催办, 办结 and 归档, each on its
// own working day, or 退文 and 转办 for a few.
func (g *large) incoming(j int, received app.Date) error {
	r := g.rDocs
	t := largeTopics[r.IntN(len(largeTopics))]
	y := received.Year
	d := &app.Document{Direction: app.Incoming, ReceivedOn: received, Copies: r.between(1, 3), Pages: r.between(2, 16), Kind: app.KindAction}
	var s sender
	if r.chance(0.4) {
		s = largeSuperiors[r.IntN(len(largeSuperiors))]
		d.Title = fill(r.pick(superiorTitles), "s", t.subject, "y", fmt.Sprint(y))
	} else {
		s = largeBelow[r.IntN(len(largeBelow))]
		d.Title = fill(r.pick(belowTitles), "s", t.subject, "y", fmt.Sprint(y))
	}
	d.FromUnit = s.name
	key := fmt.Sprint(s.code, y)
	g.docNos[key]++
	d.DocNo = fmt.Sprintf("%s〔%d〕%d号", s.code, y, g.docNos[key])
	if j%9 == 0 { // as secretaries type them: square brackets; the normal form is stored
		d.DocNo = fmt.Sprintf("%s[%d]%d号", s.code, y, g.docNos[key])
	}
	d.WrittenOn = received.AddDays(-r.between(1, 6))
	switch x := r.Float64(); {
	case x < 0.03:
		d.Secrecy = app.SecrecyConfid
	case x < 0.08:
		d.Secrecy = app.SecrecySecret
	}
	switch x := r.Float64(); {
	case x < 0.04:
		d.Urgency = app.UrgencyVeryUrgent
	case x < 0.14:
		d.Urgency = app.UrgencyUrgent
	}
	if r.chance(0.3) {
		d.Kind = app.KindReading
	}
	if err := d.ValidateNew(); err != nil {
		return err
	}
	op := g.st.Operators[j%2]
	d.CreatedAt = at(received, j)
	last := received
	var file *archivePlan
	var err error
	switch day := g.wd(received, 1); {
	case j%67 == 17 && g.past(day):
		err = d.ReturnToSender(app.CauseToLeader, "直接报送区政府领导个人，不符合行文规则，请按程序报送", day)
		last = day
	case j%67 == 45 && g.past(day):
		err = d.Transfer(t.unit, "属部门职责范围内事项，转"+t.unit+"依职责办理", day)
		last = day
	case j%67 != 17 && j%67 != 45:
		last, file, err = g.handle(j, d, t.unit, op)
	}
	if err != nil {
		return fmt.Errorf("%s：%w", d.Title, err)
	}
	d.UpdatedAt = at(last, j+60)
	g.push(received, func(tx app.Tx) error {
		n, err := next(tx, "in:%d", d.Year)
		if err != nil {
			return err
		}
		d.Serial = app.IncomingSerial(d.Year, n)
		if err := g.archiveAs(tx, d, file); err != nil {
			return err
		}
		if err := tx.SaveDocument(d); err != nil {
			return err
		}
		if d.Kind == app.KindAction && len(d.Instructions) > 0 && d.LeadUnit != "" {
			g.instructed = append(g.instructed, d)
			if len(g.instructed) > 400 {
				g.instructed = slices.Delete(g.instructed, 0, 200)
			}
		}
		return g.saved(tx, app.EntityDocument, d.ID, d.CreatedAt, op, "登记", d.Serial+" "+d.Title)
	})
	return nil
}

// handle carries a registered document through its steps up to today and
// returns the day of the last one and its filing, if any.
func (g *large) handle(j int, d *app.Document, lead, op string) (last app.Date, file *archivePlan, err error) {
	r := g.rDocs
	last = d.ReceivedOn
	readers := app.SuggestReaders(&app.Document{FromUnit: d.FromUnit, LeadUnit: lead}, g.leaders, g.units)
	consult := d.Kind == app.KindAction && r.chance(0.3)
	var co []string
	if consult {
		if c := r.pick(consultUnits); c != lead {
			co = []string{c}
		}
	}
	// the draws of every step are taken now, so that a document stopping
	// early leaves the stream as one that goes on
	instruction, result := r.pick(largeInstructions), r.pick(largeResults)
	second, agree := r.chance(0.4) && len(readers) > 1, r.pick([]string{"同意。", "同意{n}同志意见。", "请按{n}同志批示办理。"})
	fast, slow := r.IntN(10), r.chance(0.15)
	late := r.between(5, 30)
	backs := make([]int, len(readers))
	comments := make([]string, len(readers))
	for i := range readers {
		backs[i], comments[i] = r.between(1, 4), r.pick(circulationComments)
	}
	file = g.filing(r, d.ReceivedOn.Year, d.ReceivedOn, d.Kind == app.KindReading) // provisional, redone below

	day := g.wd(d.ReceivedOn, 1)
	if !g.past(day) {
		return last, nil, nil
	}
	first := readers[0].Name
	proposal := fmt.Sprintf("呈%s同志阅示，拟请%s牵头办理。", first, lead)
	switch {
	case d.Kind == app.KindReading:
		proposal = fmt.Sprintf("呈%s同志阅，送相关领导传阅。", first)
	case len(co) > 0:
		proposal = fmt.Sprintf("呈%s同志阅示，拟请%s牵头，%s配合办理。", first, lead, co[0])
	}
	if err := d.Propose(proposal, op, day); err != nil {
		return last, nil, err
	}
	last, day = day, g.wd(day, 1)
	if !g.past(day) {
		return last, nil, nil
	}
	for i, rd := range readers {
		if i > 0 && !second {
			break
		}
		text := fill(instruction, "u", lead, "m", fmt.Sprint(int(day.AddDays(20).Month)))
		switch {
		case d.Kind == app.KindReading:
			text = "已阅。"
		case i > 0: // the next reader agrees with the first
			text = fill(agree, "n", readers[0].Name)
		}
		if err := d.Instruct(app.Instruction{Leader: rd.Name, Role: rd.Role, Text: text, On: day}); err != nil {
			return last, nil, err
		}
	}
	names := make([]string, len(readers))
	for i, rd := range readers {
		names[i] = rd.Name
	}
	if err := d.Circulate(names, day); err != nil {
		return last, nil, err
	}
	last = day
	lastReturn := day
	for i := range names {
		back := g.wd(day, backs[i])
		if !g.past(back) {
			continue // still with the reader
		}
		if err := d.ReturnCirculation(i+1, back, comments[i]); err != nil {
			return last, nil, err
		}
		if back.After(last) {
			last = back
		}
		if back.After(lastReturn) {
			lastReturn = back
		}
	}
	var done app.Date
	if d.Kind == app.KindReading {
		if len(d.Outstanding()) > 0 {
			return last, nil, nil
		}
		done = lastReturn
		result = "已阅知。"
	} else {
		kind := app.LimitWithinPowers
		if consult {
			kind = app.LimitConsult
		}
		limit := g.st.Rules.DefaultLimit(d.Urgency, kind)
		due, warn := g.cal.AddWorkdays(day, limit)
		if err := d.Assign(lead, co, limit, day, due, warn != nil); err != nil {
			return last, nil, err
		}
		done = g.wd(day, limit-fast%limit)
		if slow { // a slow unit: reminded, done late
			done = g.wd(due, late)
		}
		if j%487 == 11 && g.today.DaysUntil(d.ReceivedOn) > -730 {
			done = g.today.AddDays(1) // a few are still not done
		}
		for _, n := range []int{1, 6} {
			remind := g.wd(due, n)
			if !slow || !g.past(remind) || !remind.Before(done) {
				break
			}
			if err := d.Remind(remind, "", op); err != nil {
				return last, nil, err
			}
			last = remind
		}
		result = fill(result, "u", lead)
	}
	if done.Before(lastReturn) {
		done = lastReturn
	}
	if !g.past(done) {
		return last, nil, nil
	}
	if err := d.Complete(result, done); err != nil {
		return last, nil, err
	}
	last = done
	if file == nil {
		return last, nil, nil
	}
	if file.filedOn.Before(done) {
		file.filedOn = done
	}
	if len(d.Outstanding()) > 0 {
		return last, nil, nil
	}
	return file.filedOn, file, nil
}

// outgoing drafts outgoing document j on day and carries it through 核稿,
// 审核, 签发 (the 发文字号 is taken on that day), 印发 and 归档.
func (g *large) outgoing(j int, drafted app.Date) error {
	r := g.rDocs
	t := largeTopics[r.IntN(len(largeTopics))]
	code := g.st.IssuingCodes[(j/5)%len(g.st.IssuingCodes)]
	d := &app.Document{Direction: app.Outgoing, IssuingCode: code.Code, DraftUnit: t.unit, Drafter: r.pick(drafters), DraftedOn: drafted,
		Title:  fill(r.pick(outgoingTitles), "s", t.subject, "y", fmt.Sprint(drafted.Year)),
		MainTo: r.pick(mainTo), CopyTo: "区委办公室，区人大常委会办公室，区政协办公室", Copies: 1, Pages: r.between(2, 12)}
	d.Genre, d.Disclosure = app.GenreOfTitle(d.Title), app.DiscloseActively
	if j%50 == 7 {
		d.Secrecy = app.SecrecySecret
		d.Disclosure, d.DisclosureReason = app.DiscloseNot, "涉密文件"
	}
	if r.chance(0.1) {
		d.Urgency = app.UrgencyUrgent
	}
	if c := r.pick(consultUnits); r.chance(0.2) && c != t.unit {
		d.Countersign = []string{c}
	}
	printCount := 20 + 10*r.IntN(10)
	if err := d.ValidateNew(); err != nil {
		return fmt.Errorf("%s：%w", d.Title, err)
	}
	op := g.st.Operators[j%2]
	d.CreatedAt = at(drafted, j)
	last := drafted
	var signDay, issueDay app.Date
	var file *archivePlan
	err := func() error {
		day := g.wd(drafted, 1)
		if !g.past(day) {
			return nil
		}
		if err := d.CheckDraft(op, day); err != nil {
			return err
		}
		last, day = day, g.wd(day, 1)
		if !g.past(day) {
			return nil
		}
		if err := d.ReviewDraft(g.deputyFor(t.unit), day, "同意。"); err != nil {
			return err
		}
		if code.Body == app.IssuerGovernment {
			if err := d.ReviewDraft(g.leader(leaderInCharge(t.unit)), day, "同意，呈区长签发。"); err != nil {
				return err
			}
		}
		if err := d.ReviewDraft(g.leader("陈志远"), day, "同意，呈签发。"); err != nil {
			return err
		}
		last, day = day, g.wd(day, 1)
		if !g.past(day) {
			return nil
		}
		signDay, issueDay = day, g.wd(day, 1)
		last = day
		if g.past(issueDay) {
			last = issueDay
			file = g.filing(r, issueDay.Year, issueDay, false)
			if file != nil {
				last = file.filedOn
			}
		} else {
			issueDay = app.Date{}
		}
		return nil
	}()
	if err != nil {
		return fmt.Errorf("%s：%w", d.Title, err)
	}
	d.UpdatedAt = at(last, j+60)
	when := drafted
	if !signDay.IsZero() {
		when = signDay
	}
	g.push(when, func(tx app.Tx) error {
		if !signDay.IsZero() {
			n, err := next(tx, "out:%s:%d", code.Code, signDay.Year)
			if err != nil {
				return err
			}
			signer := g.leader("陈志远")
			if code.Body == app.IssuerGovernment {
				signer = g.leader("王建国")
			}
			if err := d.Sign(signer, signDay, code, n); err != nil {
				return err
			}
		}
		if !issueDay.IsZero() {
			if err := d.Issue(issueDay, printCount); err != nil {
				return err
			}
		}
		if err := g.archiveAs(tx, d, file); err != nil {
			return err
		}
		if err := tx.SaveDocument(d); err != nil {
			return err
		}
		return g.saved(tx, app.EntityDocument, d.ID, d.CreatedAt, op, "拟稿", d.Title)
	})
	return nil
}
