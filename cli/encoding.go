package cli

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"gongwen/app"
)

// EncodingVar names the encoding of what the command line prints when it
// goes to a file or a pipe: utf-8, gbk, gb18030 or a Windows code page
// number. Unset, Windows uses the console's code page and other systems
// UTF-8. Files written with -o are UTF-8 whatever it says.
const EncodingVar = "GONGWEN_ENCODING"

// OutputEncoding reads an encoding name or code page number; nil means
// UTF-8, which needs no conversion.
func OutputEncoding(name string) (encoding.Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "utf-8", "utf8", "65001", "cp65001":
		return nil, nil
	case "gbk", "cp936", "936", "gb2312":
		return simplifiedchinese.GBK, nil
	case "gb18030", "54936":
		return simplifiedchinese.GB18030, nil
	case "big5", "cp950", "950":
		return traditionalchinese.Big5, nil
	case "437", "cp437":
		return charmap.CodePage437, nil
	case "1252", "cp1252":
		return charmap.Windows1252, nil
	}
	return nil, app.Errorf(app.EINVALID, "不认识的输出编码“%s”（%s）：应为 utf-8、gbk 或 gb18030", name, EncodingVar)
}

// CodePageName is the name OutputEncoding reads for a Windows code page;
// code pages it does not know are written as UTF-8.
func CodePageName(cp uint32) string {
	if cp == 0 {
		return ""
	}
	s := strconv.FormatUint(uint64(cp), 10)
	if _, err := OutputEncoding(s); err != nil {
		return ""
	}
	return s
}

// EncodeOutput wraps w so that the program's UTF-8 text reaches it in enc.
// A character enc cannot hold becomes "?"; the byte order mark that CSV
// output starts with is dropped, as it means nothing outside UTF-8.
func EncodeOutput(w io.Writer, enc encoding.Encoding) io.Writer {
	if enc == nil {
		return w
	}
	return &encodedWriter{w: w, enc: enc.NewEncoder()}
}

type encodedWriter struct {
	w       io.Writer
	enc     *encoding.Encoder
	pending []byte // the start of a character split between two writes
}

func (e *encodedWriter) Write(p []byte) (int, error) {
	buf := append(e.pending, p...)
	end := len(buf)
	// Keep back an incomplete character at the end for the next write.
	for i := 1; i <= utf8.UTFMax && i <= len(buf); i++ {
		if r := buf[len(buf)-i]; utf8.RuneStart(r) {
			if !utf8.FullRune(buf[len(buf)-i:]) {
				end = len(buf) - i
			}
			break
		}
	}
	var out []byte
	text := buf[:end]
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		chunk := text[:size]
		text = text[size:]
		if r == '\uFEFF' {
			continue
		}
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
			continue
		}
		b, err := e.enc.Bytes(chunk)
		if err != nil || r == utf8.RuneError {
			b = []byte("?")
		}
		out = append(out, b...)
	}
	e.pending = append([]byte(nil), buf[end:]...)
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
