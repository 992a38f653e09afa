package ui

import (
	"context"
	"net"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
	"gongwen/ui/widgets"
)

// 连接单位服务器: the seats of an office share one PostgreSQL server. The
// form builds the server's URL from its parts, 测试连接 opens the office
// there, and saving remembers it for the next start.

// serverForm is the open 连接单位服务器 dialog's fields.
type serverForm struct {
	host, port, database, user, password *widgets.Entry
	// result says how the last 测试连接 went (its reason, when it failed,
	// in the form's banner)
	result *widget.Label
	test   *widget.Button
}

// url is the server's postgres:// address from the fields, or the Chinese
// reason they do not make one.
func (f *serverForm) url() (string, error) {
	host := strings.TrimSpace(f.host.Text)
	if host == "" {
		return "", app.Errorf(app.EINVALID, "请填写服务器地址（如 192.168.1.10）")
	}
	if strings.ContainsAny(host, "/:@ ?#") && net.ParseIP(strings.Trim(host, "[]")) == nil {
		return "", app.Errorf(app.EINVALID, "服务器地址只写主机名或 IP 地址（如 192.168.1.10），不要带“postgres://”、端口或斜杠")
	}
	port, err := strconv.Atoi(strings.TrimSpace(f.port.Text))
	if err != nil || port < 1 || port > 65535 {
		return "", app.Errorf(app.EINVALID, "端口应是 1 到 65535 之间的数字，PostgreSQL 通常是 5432")
	}
	db := strings.TrimSpace(f.database.Text)
	if db == "" {
		return "", app.Errorf(app.EINVALID, "请填写数据库名")
	}
	user := strings.TrimSpace(f.user.Text)
	if user == "" {
		return "", app.Errorf(app.EINVALID, "请填写用户名")
	}
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(strings.Trim(host, "[]"), strconv.Itoa(port)), Path: "/" + db}
	if f.password.Text != "" {
		u.User = url.UserPassword(user, f.password.Text)
	} else {
		u.User = url.User(user)
	}
	return u.String(), nil
}

// showServerForm opens 连接单位服务器.
func (u *UI) showServerForm() {
	sf := &serverForm{
		host:     textField("如：192.168.1.10", ""),
		port:     textField("5432", "5432"),
		database: textField("如：gongwen", "gongwen"),
		user:     textField("如：gongwen", ""),
		password: textField("", ""),
		result:   widget.NewLabel("尚未测试连接"),
	}
	sf.password.Password = true
	f := u.newForm("连接单位服务器", "保存")
	f.Width = 560
	sf.test = widget.NewButtonWithIcon("测试连接", theme.ConfirmIcon(), func() { u.testServer(f, sf) })
	f.Top(wrapLabel("多台电脑共用本单位的数据时，由单位的 PostgreSQL 服务器保存数据。请填写信息管理员提供的服务器信息，先“测试连接”，再保存。"))
	f.Field("服务器地址", sf.host).Field("端口", sf.port).Field("数据库", sf.database).Field("用户名", sf.user).Field("密码", sf.password)
	f.Bottom(container.NewBorder(nil, nil, sf.test, nil, sf.result))
	f.Bottom(note("保存后，关闭并重新打开公文督办台即连接到该服务器。密码加密保存在本机当前用户的配置中，只用于防止被随手看到，不能防止能登录本机此用户的人取得它。"))
	f.OnSaved = func(string) {
		u.showMessage("已保存", "下次打开公文督办台时将连接单位服务器。请关闭本窗口，再重新打开公文督办台。")
	}
	f.Show(func(bool) error {
		addr, err := sf.url()
		if err != nil {
			return err
		}
		return u.env.ConnectServer(addr)
	})
}

// testServer opens the office on the server of the form's fields off the
// UI thread and says how it went under the button.
func (u *UI) testServer(f *widgets.Form, sf *serverForm) {
	addr, err := sf.url()
	if err != nil {
		f.Error(app.ErrorMessage(err))
		return
	}
	f.Error("")
	sf.test.Disable()
	sf.result.SetText("正在连接服务器…")
	u.wg.Add(1)
	go func() {
		defer u.wg.Done()
		err := u.env.TestServer(context.Background(), addr)
		fyne.Do(func() {
			sf.test.Enable()
			if err != nil { // the engine's message can be long: the banner wraps it
				sf.result.SetText("连接失败")
				f.Error("连接失败：" + app.ErrorMessage(err))
			} else {
				sf.result.SetText("连接成功，可以保存")
			}
		})
	}()
}
