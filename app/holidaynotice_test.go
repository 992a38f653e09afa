package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/6tail/lunar-go/HolidayUtil"
)

func readNotice(t *testing.T, year string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "holidays", year+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lunarSchedule is what lunar-go says the State Council decided for year:
// every day whose festival (target) falls in that year, which takes in the
// eve of New Year's Day of the year before.
func lunarSchedule(year int) (holidays, workdays []string) {
	for y := year - 1; y <= year+1; y++ {
		for e := HolidayUtil.GetHolidaysByYear(y).Front(); e != nil; e = e.Next() {
			h := e.Value.(*HolidayUtil.Holiday)
			if MustDate(h.GetTarget()).Year != year {
				continue
			}
			if h.IsWork() {
				workdays = append(workdays, h.GetDay())
			} else {
				holidays = append(holidays, h.GetDay())
			}
		}
	}
	return holidays, workdays
}

func dateStrings(ds []Date) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// The notices of 2017 and 2023 to 2026, as published, give exactly the
// schedule the calendar library carries for those years.
func TestParseHolidayNoticeReproducesOfficialYears(t *testing.T) {
	for _, year := range []int{2017, 2023, 2024, 2025, 2026} {
		n, err := ParseHolidayNotice(readNotice(t, strconv.Itoa(year)))
		if err != nil {
			t.Fatalf("%d: %v", year, err)
		}
		if n.Year != year || len(n.Items) < 6 {
			t.Fatalf("%d: year %d, %d items", year, n.Year, len(n.Items))
		}
		wantH, wantW := lunarSchedule(year)
		if got := dateStrings(n.Holidays()); !reflect.DeepEqual(got, wantH) {
			t.Errorf("%d holidays:\n got %v\nwant %v", year, got, wantH)
		}
		if got := dateStrings(n.Workdays()); !reflect.DeepEqual(got, wantW) {
			t.Errorf("%d workdays:\n got %v\nwant %v", year, got, wantW)
		}
	}
}

func TestParseHolidayNoticeForms(t *testing.T) {
	n, err := ParseHolidayNotice(readNotice(t, "2023"))
	if err != nil {
		t.Fatal(err)
	}
	// The 2022-style 元旦 with years written out, a single day with 共1天 and
	// a combined item crossing from September into October.
	if got := dateStrings(n.Items[0].Holidays); !reflect.DeepEqual(got, []string{"2022-12-31", "2023-01-01", "2023-01-02"}) {
		t.Errorf("元旦 2023: %v", got)
	}
	if it := n.Items[5]; it.Name != "中秋节、国庆节" || len(it.Holidays) != 8 || it.Holidays[0] != MustDate("2023-09-29") {
		t.Errorf("中秋节、国庆节 2023: %+v", it)
	}
	// The 2020 style (国庆节、中秋节, 星期日).
	n, err = ParseHolidayNotice(readNotice(t, "2020"))
	if err != nil || len(n.Holidays()) != 27 || len(n.Workdays()) != 7 {
		t.Fatalf("2020: %v %d %d", err, len(n.Holidays()), len(n.Workdays()))
	}
	// 2025: 农历 in the bracket, 放假1天, a range crossing into June.
	n, err = ParseHolidayNotice(readNotice(t, "2025"))
	if err != nil || dateStrings(n.Items[4].Holidays)[2] != "2025-06-02" {
		t.Fatalf("2025: %v %+v", err, n.Items)
	}
	// Half-width punctuation, broken lines, a single day without count, a
	// year-crossing 元旦 without years, and 与周末连休.
	text := "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦: 12月31日(周三)至1月1日(周四)放假,共2天。\n" +
		"二、春节：2月15日至23日放假调休，共9天。2月14日(周六)、2月28日(周六)上班。三、清明节：4月6日放假，与周末连休。" +
		"四、劳动节：5月1日至5日放假。五、端午节：6月19日（周五）\n放假。六、中秋节、国庆节：9月25日至10月7日放假。"
	n, err = ParseHolidayNotice(text)
	if err != nil {
		t.Fatal(err)
	}
	if got := dateStrings(n.Items[0].Holidays); !reflect.DeepEqual(got, []string{"2025-12-31", "2026-01-01"}) {
		t.Errorf("元旦 across the year: %v", got)
	}
	if got := dateStrings(n.Items[4].Holidays); !reflect.DeepEqual(got, []string{"2026-06-19"}) {
		t.Errorf("single day: %v", got)
	}
	// The make-up days after a comma instead of a full stop, 共八天 in
	// Chinese numerals.
	n, err = ParseHolidayNotice(strings.Replace(strings.Replace(readNotice(t, "2023"), "共8天。10月7日", "共八天，10月7日", 1), "共7天。1月28日", "共7天；1月28日", 1))
	if err != nil || len(n.Workdays()) != 7 || len(n.Holidays()) != 27 {
		t.Fatalf("2023 with commas: %v %v", err, dateStrings(n.Workdays()))
	}
	// Copied from a news page: what follows the notice is not schedule.
	page := "新华社北京11月4日电 " + readNotice(t, "2026") + "[责编：张倩]\n相关阅读：2026年春节放假9天，火车票12月1日开售"
	if n, err = ParseHolidayNotice(page); err != nil || len(n.Holidays()) != 33 {
		t.Fatalf("2026 from a news page: %v", err)
	}
	n, _ = ParseHolidayNotice(text)
	days := n.Days()
	if days[0].Name != "元旦" || days[0].Work || !sortedDays(days) {
		t.Errorf("days: %+v", days[:3])
	}
}

func sortedDays(ds []DayOverride) bool {
	for i := 1; i < len(ds); i++ {
		if !ds[i-1].Day.Before(ds[i].Day) {
			return false
		}
	}
	return true
}

// Mangled copies of a real notice: each mistake is reported with the item
// it is in, and no schedule comes out.
func TestParseHolidayNoticeMangled(t *testing.T) {
	n2026 := readNotice(t, "2026")
	n2024 := readNotice(t, "2024")
	tests := []struct {
		name, text string
		want       []string
	}{
		{"wrong weekday (周五 for a Thursday)", strings.Replace(n2026, "1月1日（周四）", "1月1日（周五）", 1),
			[]string{"“一、元旦”", "2026年1月1日是星期四", "“周五”"}},
		{"wrong weekday of a working day, old style", strings.Replace(n2024, "9月14日（星期六）", "9月14日（星期日）", 1),
			[]string{"“六、中秋节”", "2024年9月14日是星期六", "“星期日”"}},
		{"wrong count", strings.Replace(n2026, "共9天", "共8天", 1),
			[]string{"“二、春节”", "写的是“共8天”", "2月15日至2月23日共9天"}},
		{"missing item", strings.Replace(n2026, "五、端午节：6月19日（周五）至21日（周日）放假，共3天。", "", 1),
			[]string{"第五项", "没有“端午节”的安排"}},
		{"a weekday as make-up day", strings.Replace(n2026, "5月9日（周六）上班", "5月8日上班", 1),
			[]string{"“四、劳动节”", "2026年5月8日是星期五，本来就是工作日"}},
		{"no year", strings.Replace(strings.Replace(n2026, "2026年", "", -1), "关于", "", 1),
			[]string{"找不到通知的年份"}},
		{"a date that does not exist", strings.Replace(n2026, "2月28日（周六）", "2月30日（周六）", 1),
			[]string{"“二、春节”", "“2月30日（周六）”不存在"}},
	}
	for _, tt := range tests {
		n, err := ParseHolidayNotice(tt.text)
		if err == nil {
			t.Errorf("%s: no error (%d holidays)", tt.name, len(n.Holidays()))
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", tt.name, err, w)
			}
		}
		t.Logf("%s: %s", tt.name, err)
	}
}

// The 2020 notice differs from the library exactly by the later extension
// of the Spring Festival (国办发明电〔2020〕1号, the epidemic): 1月31日 to 2月2日
// became days off and 2月1日 no longer a working day. The parser reads the
// notice as written; the extension is a second notice.
func TestParseHolidayNotice2020BeforeTheExtension(t *testing.T) {
	n, err := ParseHolidayNotice(readNotice(t, "2020"))
	if err != nil {
		t.Fatal(err)
	}
	wantH, wantW := lunarSchedule(2020)
	extension := map[string]bool{"2020-01-31": true, "2020-02-01": true, "2020-02-02": true}
	var onlyLunar []string
	got := map[string]bool{}
	for _, d := range dateStrings(n.Holidays()) {
		got[d] = true
	}
	for _, d := range wantH {
		if !got[d] {
			onlyLunar = append(onlyLunar, d)
		}
	}
	if len(onlyLunar) != 3 || !extension[onlyLunar[0]] || !extension[onlyLunar[1]] || !extension[onlyLunar[2]] || len(got) != len(wantH)-3 {
		t.Errorf("holidays not in the notice: %v", onlyLunar)
	}
	if gotW := dateStrings(n.Workdays()); len(gotW) != len(wantW)+1 || gotW[1] != "2020-02-01" {
		t.Errorf("workdays %v, library %v", gotW, wantW)
	}
}

func TestNoticeItemDescribe(t *testing.T) {
	n, err := ParseHolidayNotice(readNotice(t, "2023"))
	if err != nil {
		t.Fatal(err)
	}
	if got := n.Items[0].Describe(2023); got != "2022年12月31日至1月2日放假（3天）" {
		t.Errorf("元旦 2023: %s", got)
	}
	if got := n.Items[3].Describe(2023); got != "4月29日至5月3日放假（5天）；4月23日（星期日）、5月6日（星期六）上班" {
		t.Errorf("劳动节 2023: %s", got)
	}
}
