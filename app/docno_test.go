package app

import "testing"

func TestParseDocNo(t *testing.T) {
	want := DocNo{Code: "西府办发", Year: 2020, Serial: 65}
	for _, in := range []string{
		"西府办发〔2020〕65号", "西府办发[2020]65号", "西府办发【2020】65号", "西府办发（2020）65号",
		"西府办发(2020)65号", "西府办发〔２０２０〕６５号", " 西府办发 〔2020〕 65 号 ", "西府办发〔2020〕65",
		"西府办发［2020］65号",
	} {
		got, err := ParseDocNo(in)
		if err != nil || got != want {
			t.Errorf("ParseDocNo(%q) = %+v, %v", in, got, err)
		}
		if NormalizeDocNo(in) != "西府办发〔2020〕65号" {
			t.Errorf("NormalizeDocNo(%q) = %q", in, NormalizeDocNo(in))
		}
	}
	for _, in := range []string{"", "〔2020〕65号", "西府办发2020年65号", "西府办发〔二〇二〇〕65号", "西府办发〔2020〕号", "西府办发〔2020〕0号"} {
		if _, err := ParseDocNo(in); ErrorCode(err) != EINVALID {
			t.Errorf("ParseDocNo(%q) error = %v, want EINVALID", in, err)
		}
	}
	if got := (DocNo{"示府发", 2026, 7}).String(); got != "示府发〔2026〕7号" {
		t.Errorf("String = %q: serials are not zero-padded and brackets are full-width", got)
	}
	if NormalizeDocNo(" 内部函 ") != "内部函" {
		t.Error("an unparseable 文号 is kept as written")
	}
}
