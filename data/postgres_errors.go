package data

import (
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"gongwen/app"
)

// pgUniqueNames names the unique indexes a PostgreSQL unique_violation
// names (its constraint), as uniqueNames does for SQLite.
var pgUniqueNames = map[string]string{
	"documents_serial":     "收文编号或发文字号",
	"seal_requests_number": "用印申请编号",
	"items_number":         "督办编号",
	"units_name_key":       "单位名称",
	"leaders_name_key":     "领导姓名",
	"seals_name_key":       "印章名称",
	"counters_pkey":        "编号计数器",
}

// What a seat reads when the server went away mid-work; the store adds
// which server (serverNamed).
const (
	msgServerLost = "与数据库服务器的连接中断，本次操作没有保存。请检查网络和服务器后重试"
	msgServerDown = "数据库服务器已关闭或正在重启，本次操作没有保存。请稍后重试，或联系服务器管理员"
)

// serverNamed names the server in the messages of a lost connection.
func (e *pgEngine) serverNamed(err error) error {
	var ae *app.Error
	if errors.As(err, &ae) && (ae.Message == msgServerLost || ae.Message == msgServerDown) {
		return app.Errorf(ae.Code, "服务器“%s”：%s", e.server, ae.Message)
	}
	return err
}

// named is err with the server named when the store is on one.
func (s *Store) named(err error) error {
	if pe, ok := s.eng.(*pgEngine); ok {
		return pe.serverNamed(err)
	}
	return err
}

// isServerError reports an error of the PostgreSQL driver or of the
// connection to the server.
func isServerError(err error) bool {
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &pe) || errors.As(err, &ce) || errors.As(err, &ne) ||
		errors.Is(err, io.ErrUnexpectedEOF) || pgconn.SafeToRetry(err) || isConnClosed(err)
}

func isConnClosed(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "conn closed") || strings.Contains(msg, "connection reset") || strings.Contains(msg, "broken pipe")
}

// mapServerError turns PostgreSQL's errors into app errors with Chinese
// messages.
func mapServerError(err error) error {
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
	switch {
	case errors.As(err, &ce):
		return pgConnectMessage(pgServerName(ce.Config.Host, ce.Config.Port, ce.Config.Database), err)
	case !errors.As(err, &pe):
		return app.Errorf(app.EINTERNAL, msgServerLost)
	}
	switch {
	case pe.Code == "23505":
		what, ok := pgUniqueNames[pe.ConstraintName]
		if !ok {
			what = "编号"
		}
		return app.Errorf(app.ECONFLICT, "%s与已有记录重复，没有保存", what)
	case pe.Code == "40001", pe.Code == "40P01", pe.Code == "55P03":
		return app.Errorf(app.EBUSY, "数据库服务器上另一位同事正在修改同一批记录，请稍后再试")
	case pe.Code == "53100":
		return app.Errorf(app.EINTERNAL, "数据库服务器的磁盘已满，数据没有保存。请联系服务器管理员")
	case pe.Code == "57014":
		return app.Errorf(app.EINTERNAL, msgCancel)
	case strings.HasPrefix(pe.Code, "57P"), strings.HasPrefix(pe.Code, "08"):
		return app.Errorf(app.EINTERNAL, msgServerDown)
	case strings.HasPrefix(pe.Code, "28"), pe.Code == "42501":
		return app.Errorf(app.EINVALID, "数据库服务器拒绝了这个用户（%s）", pe.Message)
	}
	return app.Errorf(app.EINTERNAL, "数据库服务器出错（%s）：%s", pe.Code, pe.Message)
}

// pgOpenError says why the office on server could not be opened, naming
// the server (never the password).
func pgOpenError(server string, err error) error {
	var ae *app.Error
	if errors.As(err, &ae) {
		return ae
	}
	return pgConnectMessage(server, err)
}

// pgConnectMessage names what kept the program from the server.
func pgConnectMessage(server string, err error) error {
	var pe *pgconn.PgError
	var dns *net.DNSError
	var op *net.OpError
	switch {
	case errors.As(err, &pe) && (pe.Code == "28P01" || pe.Code == "28000"):
		return app.Errorf(app.EINVALID, "无法登录数据库服务器“%s”：用户名或密码不对（或服务器不允许这台电脑登录）。请检查连接设置", server)
	case errors.As(err, &pe) && pe.Code == "3D000":
		return app.Errorf(app.ENOTFOUND, "数据库服务器“%s”上没有这个数据库，请检查数据库名，或请服务器管理员先建立它", server)
	case errors.As(err, &pe) && pe.Code == "42501":
		return app.Errorf(app.EINVALID, "数据库服务器“%s”上的这个用户没有建立或修改数据表的权限，请服务器管理员授权", server)
	case errors.As(err, &pe) && (strings.HasPrefix(pe.Code, "57P") || pe.Code == "53300"):
		return app.Errorf(app.EBUSY, "数据库服务器“%s”正在关闭、重启或连接数已满，请稍后再试", server)
	case errors.As(err, &dns):
		return app.Errorf(app.ENOTFOUND, "找不到数据库服务器“%s”：主机名无法解析，请检查服务器地址和网络", server)
	case errors.As(err, &op) || errors.Is(err, io.ErrUnexpectedEOF) || isConnClosed(err):
		return app.Errorf(app.EINTERNAL, "连接不上数据库服务器“%s”：服务器没有开机、数据库没有启动，或网络不通。请检查后重试", server)
	case errors.As(err, &pe):
		return app.Errorf(app.EINTERNAL, "数据库服务器“%s”出错（%s）：%s", server, pe.Code, pe.Message)
	}
	return app.Errorf(app.EINTERNAL, "连接不上数据库服务器“%s”，请检查服务器地址和网络", server)
}
