package app

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// HolidayNotice is one year's schedule as the State Council's 国务院办公厅关于
// YYYY年部分节假日安排的通知 gives it: every item with its days off and its
// make-up working days (调休上班).
type HolidayNotice struct {
	Year  int
	Items []NoticeItem
}

// NoticeItem is one numbered item of the notice, e.g. 六、国庆节、中秋节.
type NoticeItem struct {
	Number   string // 一, 二 …
	Name     string // 元旦, 中秋节、国庆节 …
	Holidays []Date
	Workdays []Date
}

// Label names the item as the notice does: “六、国庆节、中秋节”.
func (it NoticeItem) Label() string { return it.Number + "、" + it.Name }

// UsualHolidays are the festivals every year's notice has had since 2008.
var UsualHolidays = []string{"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}

// Holidays are all the days off of the notice, sorted.
func (n HolidayNotice) Holidays() []Date { return n.collect(false) }

// Workdays are all the make-up working days of the notice, sorted.
func (n HolidayNotice) Workdays() []Date { return n.collect(true) }

func (n HolidayNotice) collect(work bool) []Date {
	var out []Date
	for _, it := range n.Items {
		if work {
			out = append(out, it.Workdays...)
		} else {
			out = append(out, it.Holidays...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// Days are the notice's days as calendar entries, sorted: the holidays
// named after their festival, the working days “春节调休上班”.
func (n HolidayNotice) Days() []DayOverride {
	var out []DayOverride
	for _, it := range n.Items {
		for _, d := range it.Holidays {
			out = append(out, DayOverride{Day: d, Name: it.Name})
		}
		for _, d := range it.Workdays {
			out = append(out, DayOverride{Day: d, Work: true, Name: it.Name + "调休上班"})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day.Before(out[j].Day) })
	return out
}

var (
	// noticeYear finds the year in the title or the opening sentence.
	noticeYear = []*regexp.Regexp{
		regexp.MustCompile(`关于(\d{4})年部分节假日安排`),
		regexp.MustCompile(`现将(\d{4})年`),
	}
	// noticeItem is the head of an item: 一、元旦: (names are Chinese
	// characters only, so “正月初七、周一）” inside a bracket never matches).
	noticeItem = regexp.MustCompile(`([一二三四五六七八九十]+)、([\p{Han}、]{2,16}):`)
	// noticeDate is one date with its bracket: 2022年12月31日, 2月15日（农历
	// 腊月二十八、周日）, 3日（周六）.
	noticeDate = regexp.MustCompile(`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^（）]*)）)?`)
	// noticeWeekday is the weekday inside a bracket: 周五 (since 2025) or
	// 星期五 (up to 2024).
	noticeWeekday = regexp.MustCompile(`(?:周|星期)([一二三四五六日天])`)
	// noticeCount is the number of days off: 共3天, 放假1天.
	noticeCount = regexp.MustCompile(`(?:共|放假)(\d+|[一二三四五六七八九十]+)天`)
)

var chineseDigits = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}

// chineseNumber reads 3, 十二 or 八 (the numbers a notice writes).
func chineseNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	n, tens := 0, 0
	for _, r := range s {
		v := chineseDigits[r]
		if v == 10 {
			if n == 0 {
				n = 1
			}
			tens, n = n*10, 0
			continue
		}
		n = v
	}
	return tens + n
}

var weekdayNames = []string{"日", "一", "二", "三", "四", "五", "六"}

// WeekdayName is 星期五 for a Friday, as the notices up to 2024 wrote it.
func WeekdayName(d Date) string { return "星期" + weekdayNames[d.Weekday()] }

// ParseHolidayNotice reads the text of the notice (pasted from the
// government's site or a .txt): the year, every item's days off and make-up
// working days. Every weekday written in the text is checked against the
// calendar, every “共N天” against the days found, and each of the seven
// usual festivals must have its item; any mismatch is an error naming the
// item, and then nothing of the notice may be used.
func ParseHolidayNotice(text string) (HolidayNotice, error) {
	text = compactNotice(text)
	var n HolidayNotice
	for _, re := range noticeYear {
		if m := re.FindStringSubmatch(text); m != nil {
			n.Year, _ = strconv.Atoi(m[1])
			break
		}
	}
	if n.Year == 0 {
		return n, Errorf(EINVALID, "找不到通知的年份：请连同标题“国务院办公厅关于××××年部分节假日安排的通知”或“现将××××年……”一句一起粘贴")
	}
	heads := noticeItem.FindAllStringSubmatchIndex(text, -1)
	if len(heads) == 0 {
		return n, Errorf(EINVALID, "没有找到“一、元旦：……”这样的放假安排条目，请核对粘贴的文字")
	}
	var problems []string
	seen := map[Date]string{}
	lastNumber := 0
	for i, h := range heads {
		end := h[1] + noticeEnd(text[h[1]:])
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		it := NoticeItem{Number: text[h[2]:h[3]], Name: text[h[4]:h[5]]}
		if num := chineseNumber(it.Number); num != lastNumber+1 {
			after := "开头"
			if i > 0 {
				after = "“" + n.Items[i-1].Label() + "”之后"
			}
			problems = append(problems, fmt.Sprintf("%s缺少第%s项，请核对是否漏贴", after, chineseNumeral(lastNumber+1)))
		}
		lastNumber = chineseNumber(it.Number)
		for _, p := range parseNoticeItem(&it, text[h[1]:end], n.Year) {
			problems = append(problems, "“"+it.Label()+"”"+p)
		}
		for _, d := range append(append([]Date(nil), it.Holidays...), it.Workdays...) {
			if other, dup := seen[d]; dup {
				problems = append(problems, fmt.Sprintf("“%s”：%s已在“%s”中出现", it.Label(), d.Chinese(), other))
			}
			seen[d] = it.Label()
		}
		n.Items = append(n.Items, it)
	}
	for _, name := range UsualHolidays {
		found := false
		for _, it := range n.Items {
			found = found || strings.Contains(it.Name, name)
		}
		if !found {
			problems = append(problems, fmt.Sprintf("通知中没有“%s”的安排（每年的通知都有元旦、春节、清明节、劳动节、端午节、中秋节、国庆节），请核对是否漏贴了一项", name))
		}
	}
	if len(problems) > 0 {
		return n, Errorf(EINVALID, "%d年节假日安排通知有误，未导入：%s", n.Year, strings.Join(problems, "；"))
	}
	return n, nil
}

// compactNotice makes pasted text uniform: half-width digits and
// punctuation, full-width brackets, no spaces or line breaks (a web page
// may break a line anywhere).
func compactNotice(text string) string {
	text = strings.NewReplacer("(", "（", ")", "）").Replace(NormalizeWidth(text))
	return strings.Join(strings.Fields(text), "")
}

// noticeEnd is where the last item ends: at the closing paragraph or the
// signature, so that whatever a web page shows after the notice (related
// articles on the holidays) is not read as schedule.
func noticeEnd(rest string) int {
	end := len(rest)
	for _, closing := range []string{"节假日期间", "鼓励单位和个人", "国务院办公厅"} {
		if k := strings.Index(rest, closing); k >= 0 && k < end {
			end = k
		}
	}
	return end
}

func chineseNumeral(n int) string {
	switch {
	case n <= 10:
		return string([]rune("一二三四五六七八九十")[n-1])
	case n < 20:
		return "十" + chineseNumeral(n-10)
	}
	return strconv.Itoa(n)
}

// parseNoticeItem reads the sentences of one item into it: a clause with
// 上班 gives make-up working days, a sentence with 放假 days off; the others
// (a suggestion to take the eve off, the closing paragraph) are not
// schedule. It returns the problems found, each to be prefixed with the
// item's label.
func parseNoticeItem(it *NoticeItem, body string, year int) []string {
	var problems []string
	newYear := strings.Contains(it.Name, "元旦")
	for _, sentence := range strings.FieldsFunc(body, func(r rune) bool { return r == '。' || r == ';' }) {
		// The working days may follow the days off after a comma.
		var rest []string
		for _, clause := range strings.Split(sentence, ",") {
			if !strings.Contains(clause, "上班") || strings.Contains(clause, "放假") {
				rest = append(rest, clause)
				continue
			}
			before, _, _ := strings.Cut(clause, "上班")
			days, errs := noticeDays(before, year, newYear, false)
			problems = append(problems, errs...)
			for _, d := range days {
				if plainWorkday(d) {
					problems = append(problems, fmt.Sprintf("：调休上班日%s是%s，本来就是工作日", d.Chinese(), WeekdayName(d)))
				}
			}
			it.Workdays = append(it.Workdays, days...)
		}
		s := strings.Join(rest, ",")
		if !strings.Contains(s, "放假") {
			continue
		}
		before, after, _ := strings.Cut(s, "放假")
		days, errs := noticeDays(before, year, newYear, true)
		problems = append(problems, errs...)
		if len(days) == 0 && len(errs) == 0 {
			problems = append(problems, "：“"+s+"”中没有放假日期")
		}
		// “1月1日放假，1月2日（星期一）补休” (up to 2017): the day in lieu
		// of a holiday on a Sunday is a day off too, and with the weekend
		// it makes one break, as “与周末连休” says outright.
		lieu, _, inLieu := strings.Cut(after, "补休")
		if inLieu {
			more, errs := noticeDays(lieu, year, newYear, false)
			problems = append(problems, errs...)
			days = append(days, more...)
		}
		if inLieu || strings.Contains(after, "与周末连休") {
			days = withWeekend(days)
		}
		it.Holidays = append(it.Holidays, days...)
		if m := noticeCount.FindStringSubmatch(after); m != nil {
			if want := chineseNumber(m[1]); want != len(days) && len(errs) == 0 {
				problems = append(problems, fmt.Sprintf("：写的是“%s”，但%s共%d天", m[0], spanText(days), len(days)))
			}
		}
	}
	if len(it.Holidays) == 0 && len(problems) == 0 {
		problems = append(problems, "：没有找到放假日期")
	}
	return problems
}

// withWeekend adds the weekend days a holiday runs into (“1月1日放假，与周末
// 连休” on a Monday): the break is all days off.
func withWeekend(days []Date) []Date {
	if len(days) == 0 {
		return days
	}
	for d := days[0].AddDays(-1); !plainWorkday(d); d = d.AddDays(-1) {
		days = append([]Date{d}, days...)
	}
	for d := days[len(days)-1].AddDays(1); !plainWorkday(d); d = d.AddDays(1) {
		days = append(days, d)
	}
	return days
}

// spanText is “1月1日至3日” for the days counted, for the count message.
func spanText(days []Date) string {
	if len(days) == 0 {
		return "没有找到日期"
	}
	first, last := days[0], days[len(days)-1]
	return fmt.Sprintf("%d月%d日至%d月%d日", first.Month, first.Day, last.Month, last.Day)
}

// noticeDays reads the dates of one sentence part: single dates joined by
// 、 and ranges joined by 至 (the end of a range takes the start's month and
// year unless it has its own). Dates without a year are in the notice's
// year, except December in the 元旦 item (the eve of the year) and the end of
// a range that runs past December. Each weekday written is checked.
func noticeDays(part string, year int, newYear, ranges bool) ([]Date, []string) {
	var days, pending []Date
	var problems []string
	matches := noticeDate.FindAllStringSubmatchIndex(part, -1)
	var prev Date
	for i, m := range matches {
		sep := ""
		if i > 0 {
			sep = part[matches[i-1][1]:m[0]]
		}
		if i > 0 && sep != "至" && sep != "、" && sep != "和" {
			problems = append(problems, fmt.Sprintf("：看不懂日期之间的“%s”", sep))
			return nil, problems
		}
		y, mon := year, 0
		if m[4] >= 0 {
			mon, _ = strconv.Atoi(part[m[4]:m[5]])
		} else if i > 0 {
			mon = int(prev.Month)
			y = prev.Year
		}
		if m[2] >= 0 {
			y, _ = strconv.Atoi(part[m[2]:m[3]])
		} else if m[4] >= 0 {
			switch {
			case sep == "至" && mon < int(prev.Month):
				y = prev.Year + 1
			case sep == "至":
				y = prev.Year
			case newYear && mon == 12:
				y = year - 1
			}
		}
		day, _ := strconv.Atoi(part[m[6]:m[7]])
		written := part[m[0]:m[1]]
		d := D(y, time.Month(mon), day)
		if mon < 1 || mon > 12 || d.Month != time.Month(mon) || d.Day != day {
			problems = append(problems, fmt.Sprintf("：日期“%s”不存在", written))
			return nil, problems
		}
		if m[8] >= 0 {
			if w := noticeWeekday.FindStringSubmatch(part[m[8]:m[9]]); w != nil {
				want := strings.Replace(w[1], "天", "日", 1)
				if weekdayNames[d.Weekday()] != want {
					problems = append(problems, fmt.Sprintf("：%s是%s，通知写的是“%s”", d.Chinese(), WeekdayName(d), w[0]))
				}
			}
		}
		if sep == "至" {
			if !ranges || len(pending) == 0 || !prev.Before(d) {
				problems = append(problems, fmt.Sprintf("：“%s至%s”不是一段日期", prev.Chinese(), d.Chinese()))
				return nil, problems
			}
			for x := prev.AddDays(1); !x.After(d); x = x.AddDays(1) {
				pending = append(pending, x)
			}
		} else {
			days = append(days, pending...)
			pending = []Date{d}
		}
		prev = d
	}
	return append(days, pending...), problems
}
