// Package serverconf remembers the office server a seat connects to when
// neither --db nor GONGWEN_DB names a database: the window's 连接单位服务器
// writes it, every start reads it.
//
// The password is not kept in plain text: it is sealed with AES-GCM under a
// key derived from this machine's id and the user's name and home folder.
// That keeps it from a casual reader of the file or of a copy of it taken
// to another machine; it does not protect it from someone who can log in as
// the same user on the same machine (the key is computed, not secret).
package serverconf

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"gongwen/app"
)

// fileName is the file under the user's configuration folder.
const fileName = "server.json"

// saved is the file's content.
type saved struct {
	// URL is the server's address without its password.
	URL string `json:"url"`
	// Password is the sealed password (base64 of nonce and ciphertext).
	Password string `json:"password,omitempty"`
}

// Path is the file the server's address is remembered in.
func Path() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", app.Errorf(app.EINVALID, "找不到用户配置目录，请用 --db 指定数据库")
	}
	return filepath.Join(dir, "Gongwen", fileName), nil
}

// Save remembers rawURL (postgres://user:password@host:port/db) as the
// database of the next start, its password sealed.
func Save(rawURL string) error {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Host == "" {
		return app.Errorf(app.EINVALID, "服务器地址写得不对，应当像 postgres://用户名:密码@主机:5432/数据库名")
	}
	var s saved
	if u.User != nil {
		if pw, ok := u.User.Password(); ok {
			if s.Password, err = seal(pw); err != nil {
				return err
			}
			u.User = url.User(u.User.Username())
		}
	}
	s.URL = u.String()
	path, err := Path()
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return app.Errorf(app.EINTERNAL, "无法创建文件夹“%s”：%v", filepath.Dir(path), err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return app.Errorf(app.EINTERNAL, "无法保存服务器设置“%s”：%v", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return app.Errorf(app.EINTERNAL, "无法保存服务器设置“%s”：%v", path, err)
	}
	return nil
}

// Load is the remembered server's URL with its password, "" when none is
// remembered.
func Load() (string, error) {
	path, err := Path()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", app.Errorf(app.EINTERNAL, "无法读取服务器设置“%s”：%v", path, err)
	}
	var s saved
	var u *url.URL
	perr := json.Unmarshal(b, &s)
	if perr == nil {
		u, perr = url.Parse(s.URL)
	}
	if perr != nil || s.URL == "" {
		return "", app.Errorf(app.EINVALID, "服务器设置“%s”已损坏：请删除该文件后在窗口中重新连接单位服务器，或用 --db 指定数据库", path)
	}
	if s.Password != "" {
		pw, err := open(s.Password)
		if err != nil {
			return "", app.Errorf(app.EINVALID, "服务器设置“%s”中的密码无法解开（是从别的电脑或别的用户复制来的？）：请删除该文件后在窗口中重新连接单位服务器", path)
		}
		name := ""
		if u.User != nil {
			name = u.User.Username()
		}
		u.User = url.UserPassword(name, pw)
	}
	return u.String(), nil
}

// Forget removes the remembered server: the next start opens the data
// file again.
func Forget() error {
	path, err := Path()
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return app.Errorf(app.EINTERNAL, "无法删除服务器设置“%s”：%v", path, err)
	}
	return nil
}

// key is derived from the machine and the user: the same on every start,
// different on another machine or for another user.
func key() []byte {
	var parts []string
	for _, f := range []string{"/etc/machine-id", "/var/lib/dbus/machine-id"} {
		if b, err := os.ReadFile(f); err == nil {
			parts = append(parts, strings.TrimSpace(string(b)))
			break
		}
	}
	host, _ := os.Hostname()
	parts = append(parts, host, os.Getenv("COMPUTERNAME"))
	if me, err := user.Current(); err == nil {
		parts = append(parts, me.Uid, me.Username, me.HomeDir)
	}
	sum := sha256.Sum256([]byte("gongwen-desk server password\x00" + strings.Join(parts, "\x00")))
	return sum[:]
}

func seal(plain string) (string, error) {
	gcm, err := newGCM()
	if err != nil {
		return "", err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(gcm.Seal(nonce, nonce, []byte(plain), nil)), nil
}

func open(sealed string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil {
		return "", err
	}
	gcm, err := newGCM()
	if err != nil {
		return "", err
	}
	if len(b) < gcm.NonceSize() {
		return "", errors.New("sealed password too short")
	}
	plain, err := gcm.Open(nil, b[:gcm.NonceSize()], b[gcm.NonceSize():], nil)
	return string(plain), err
}

func newGCM() (cipher.AEAD, error) {
	block, err := aes.NewCipher(key())
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
