package app

import (
	"context"
	"strings"
)

// LegalReview is the 区司法局's 合法性审查 of a 规范性文件 (003 第二十八条:
// "以区政府名义印发的规范性文件，在审签前须由区司法局进行合法性审查";
// 004 三十: 区司法局进行合法性审核; 002 补充规定 三(三)6: 规范性文件法制审核).
type LegalReview struct {
	On      Date
	Opinion string
	Passed  bool
}

// LegalReviewer is the body that reviews the office's 规范性文件.
const LegalReviewer = "区司法局"

// Recorded reports whether a review was written down.
func (r LegalReview) Recorded() bool { return !r.On.IsZero() }

// Verdict is 通过 or 不通过, or "" when no review is recorded.
func (r LegalReview) Verdict() string {
	switch {
	case !r.Recorded():
		return ""
	case r.Passed:
		return "通过"
	}
	return "不通过"
}

// CanRecordLegalReview says why a 合法性审查 cannot be recorded now, or nil:
// only on a 规范性文件 not yet signed.
func (d *Document) CanRecordLegalReview() error {
	if d.Direction != Outgoing || !d.Normative {
		return Errorf(ESTATE, "只有标为规范性文件的发文需要登记合法性审查")
	}
	return d.mustBe("登记合法性审查", StatusDrafted, StatusChecked, StatusReviewed)
}

// RecordLegalReview records the 区司法局's review; a later review (after a
// failed one) replaces the earlier, whose record stays in the history.
func (d *Document) RecordLegalReview(r LegalReview) error {
	if err := d.CanRecordLegalReview(); err != nil {
		return err
	}
	r.Opinion = strings.TrimSpace(r.Opinion)
	if r.On.IsZero() || r.On.Before(d.DraftedOn) {
		return Errorf(EINVALID, "审查日期不能早于拟稿日期（%s）", d.DraftedOn)
	}
	if r.Opinion == "" {
		return Errorf(EINVALID, "请照录区司法局的合法性审查意见")
	}
	if err := checkLengths([]textField{{"审查意见", r.Opinion, limitNote}}); err != nil {
		return err
	}
	d.LegalReview = r
	return nil
}

// checkNormative says why a 规范性文件 cannot go on: it needs a passed
// 合法性审查 before it is signed or put before the 常务会议 (003 第二十八条:
// "未经合法性审查或经审查不合法的，不得提交区政府常务会议讨论或印发"). step
// names what is refused.
func (d *Document) checkNormative(step string) error {
	switch {
	case !d.Normative:
		return nil
	case !d.LegalReview.Recorded():
		return Errorf(ESTATE, "规范性文件须经区司法局合法性审查后才能%s（海门区政府工作规则第二十八条、西市区政府工作规则三十），请先登记合法性审查", step)
	case !d.LegalReview.Passed:
		return Errorf(ESTATE, "这份规范性文件的合法性审查未通过（%s），不得%s（海门区政府工作规则第二十八条）；修改后请重新送区司法局审查", d.LegalReview.On, step)
	}
	return nil
}

// CanPutBeforeMeeting says why the draft cannot be a topic of a 常务会议, or
// nil (003 第二十八条).
func (d *Document) CanPutBeforeMeeting() error { return d.checkNormative("提交常务会议讨论") }

// RecordLegalReview records the 区司法局's 合法性审查 of a 规范性文件 on day on.
func (k *Desk) RecordLegalReview(ctx context.Context, id int64, on Date, opinion string, passed bool) (*Document, error) {
	r := LegalReview{On: on, Opinion: opinion, Passed: passed}
	return k.changeDoc(ctx, id, "合法性审查", func(_ Tx, d *Document) (string, error) {
		if err := d.RecordLegalReview(r); err != nil {
			return "", err
		}
		return d.LegalReview.Verdict() + "：" + d.LegalReview.Opinion, nil
	})
}
