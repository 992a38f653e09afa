package app

import (
	"slices"
	"strings"
)

// Disclosure is a 发文's 公开属性. The seeds' own notices carry it under the
// title: "（此件主动公开）" (000), "公开方式: 主动公开" (001), "（此件公开发布）"
// (003, 004); every 发文 is to say which.
type Disclosure string

const (
	DiscloseActively  Disclosure = "主动公开"
	DiscloseOnRequest Disclosure = "依申请公开"
	DiscloseNot       Disclosure = "不予公开"
)

var Disclosures = []Disclosure{DiscloseActively, DiscloseOnRequest, DiscloseNot}

// ParseDisclosure accepts the names registers use; "" stays unset.
func ParseDisclosure(s string) (Disclosure, error) {
	switch t := strings.TrimSpace(s); t {
	case "":
		return "", nil
	case "主动公开", "公开发布", "此件主动公开", "此件公开发布", "公开":
		return DiscloseActively, nil
	case "依申请公开", "依申请":
		return DiscloseOnRequest, nil
	case "不予公开", "不公开", "非公开":
		return DiscloseNot, nil
	}
	return "", Errorf(EINVALID, "公开属性“%s”无法识别，应为 主动公开、依申请公开 或 不予公开", Excerpt(s))
}

// validateDisclosure checks the 公开属性 fields typed at 拟稿: a known value,
// and a reason only for 不予公开 (where it is kept).
func (d *Document) validateDisclosure() error {
	d.DisclosureReason = strings.TrimSpace(d.DisclosureReason)
	if d.Disclosure != "" && !slices.Contains(Disclosures, d.Disclosure) {
		return Errorf(EINVALID, "公开属性“%s”无法识别", Excerpt(string(d.Disclosure)))
	}
	if d.Disclosure != DiscloseNot {
		d.DisclosureReason = ""
	}
	return nil
}

// checkDisclosure says why the 发文 cannot be signed for its 公开属性, or nil:
// it must be chosen, and 不予公开 needs its reason.
func (d *Document) checkDisclosure() error {
	switch {
	case d.Disclosure == "":
		return Errorf(EINVALID, "请先在发文登记中选定公开属性（主动公开、依申请公开或不予公开）再签发：每件发文须标明公开属性，如“（此件主动公开）”")
	case d.Disclosure == DiscloseNot && d.DisclosureReason == "":
		return Errorf(EINVALID, "公开属性为“不予公开”的，请在发文登记中写明不予公开的理由再签发")
	}
	return nil
}

// DisclosureText is the 公开属性 as printed and exported: 不予公开 with its
// reason.
func (d *Document) DisclosureText() string {
	if d.Disclosure == DiscloseNot && d.DisclosureReason != "" {
		return string(d.Disclosure) + "（" + d.DisclosureReason + "）"
	}
	return string(d.Disclosure)
}

// checkBeforeSigning holds the steps the seeds ask before a 发文 is signed
// beyond the signer and the reviews: its 公开属性 and, for a 规范性文件, a
// passed 合法性审查 (003 第二十八条).
func (d *Document) checkBeforeSigning() error {
	if err := d.checkDisclosure(); err != nil {
		return err
	}
	return d.checkNormative("签发")
}
