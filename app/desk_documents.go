// The Desk's steps on the 收文 and 发文 books, from 登记 or 拟稿 to 归档.

package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// duplicateError is the probable-duplicate warning for an incoming document.
func duplicateError(dup *Document) *Error {
	return Errorf(EDUPLICATE, "可能重复登记：收文%s（%s，%s）的来文单位和文号与此相同。确认不是同一份文件的，请选择“仍然登记”", dup.Serial, dup.FromUnit, dup.DocNo)
}

// RegisterIncoming registers (登记) an incoming document and gives it the
// next 收文编号 of its year; it starts 待拟办. A document with the same sender
// and 文号 as an existing one is refused with EDUPLICATE unless
// allowDuplicate is set; it is then kept with a link to the first.
func (k *Desk) RegisterIncoming(ctx context.Context, d *Document, allowDuplicate bool) error {
	d.Direction, d.Status, d.ID = Incoming, StatusRegistered, 0
	if err := d.ValidateNew(); err != nil {
		return err
	}
	return k.Store.Update(ctx, func(tx Tx) error {
		if d.DocNo != "" {
			dup, err := tx.IncomingDuplicate(d.FromUnit, d.DocNo, 0)
			if err != nil {
				return err
			}
			if dup != nil {
				if !allowDuplicate {
					return duplicateError(dup)
				}
				d.DuplicateOf = dup.ID
			}
		}
		n, err := tx.NextNumber(fmt.Sprintf("in:%d", d.Year))
		if err != nil {
			return err
		}
		d.Serial = IncomingSerial(d.Year, n)
		d.CreatedAt, d.UpdatedAt = k.Now(), k.Now()
		if err := tx.SaveDocument(d); err != nil {
			return err
		}
		return k.history(ctx, tx, EntityDocument, d.ID, "登记", d.Serial+" "+d.Title)
	})
}

// DraftOutgoing opens an outgoing draft (拟稿); it starts 待核稿. Its 发文代字
// must be in the settings; its 发文字号 comes at 签发.
func (k *Desk) DraftOutgoing(ctx context.Context, d *Document) error {
	d.Direction, d.Status, d.ID = Outgoing, StatusDrafted, 0
	if err := d.ValidateNew(); err != nil {
		return err
	}
	if _, ok := k.Settings().IssuingCodeFor(d.IssuingCode); !ok {
		return Errorf(EINVALID, "发文代字“%s”不在设置中，请先在“设置—发文代字”中添加", d.IssuingCode)
	}
	return k.Store.Update(ctx, func(tx Tx) error {
		d.CreatedAt, d.UpdatedAt = k.Now(), k.Now()
		if err := tx.SaveDocument(d); err != nil {
			return err
		}
		return k.history(ctx, tx, EntityDocument, d.ID, "拟稿", d.Title)
	})
}

// EditDocument saves corrected registration fields of a document in any
// state but 已归档 (CanEdit); a signed document keeps its 发文代字
// (CanChangeIssuingCode). The workflow data, serial and status stay as they
// are in the store; a corrected 文号 is checked for duplicates as at 登记.
func (k *Desk) EditDocument(ctx context.Context, edited *Document, allowDuplicate bool) (*Document, error) {
	return k.changeDoc(ctx, edited.ID, "修改登记信息", func(tx Tx, d *Document) (string, error) {
		year := d.Year
		d.Version = edited.Version // the store refuses it if another seat saved since the form read it
		if err := d.ApplyRegistration(edited); err != nil {
			return "", err
		}
		if d.Direction == Incoming {
			d.Year = year // the serial's year does not move
			if d.DocNo != "" && !allowDuplicate {
				dup, err := tx.IncomingDuplicate(d.FromUnit, d.DocNo, d.ID)
				if err != nil {
					return "", err
				}
				if dup != nil {
					return "", duplicateError(dup)
				}
			}
		}
		return d.Title, nil
	})
}

// Propose writes the 拟办意见, dated today, under the operator of ctx. The
// document must be 待拟办 or 待批示 (CanPropose); a mere 阅 or 同意 is refused.
func (k *Desk) Propose(ctx context.Context, id int64, text string) (*Document, error) {
	return k.changeDoc(ctx, id, "拟办", func(_ Tx, d *Document) (string, error) {
		return text, d.Propose(text, k.Operator(ctx), k.Today())
	})
}

// Instruct records a leader's 批示 written on paper on day on. The document
// must be 待批示, 已批示 or 承办中 (CanInstruct), and the leader on the 领导名单.
func (k *Desk) Instruct(ctx context.Context, id int64, leaderName, text string, on Date) (*Document, error) {
	l, err := k.leader(ctx, leaderName)
	if err != nil {
		return nil, err
	}
	return k.changeDoc(ctx, id, "批示", func(_ Tx, d *Document) (string, error) {
		return l.Name + "：" + text, d.Instruct(Instruction{Leader: l.Name, Role: l.Role, Text: text, On: on})
	})
}

// Assign sends the document to its lead unit (交办); the due date is counted
// in working days from today. The document must be 待批示, 已批示 or 承办中
// (CanAssign: a 交办 may be corrected). A due date in a year whose holidays
// are not entered is saved all the same, marked DueUncertain (UncoveredYear
// is the warning to show).
func (k *Desk) Assign(ctx context.Context, id int64, lead string, co []string, limitWorkdays int) (*Document, error) {
	due, warn := k.DueDate(k.Today(), limitWorkdays)
	return k.changeDoc(ctx, id, "交办", func(_ Tx, d *Document) (string, error) {
		return fmt.Sprintf("%s，%d个工作日，%s前办结", lead, limitWorkdays, due), d.Assign(lead, co, limitWorkdays, k.Today(), due, warn != nil)
	})
}

// SuggestReaders proposes the reading order of the government's leaders for
// d, in any state; it changes nothing.
func (k *Desk) SuggestReaders(ctx context.Context, d *Document) ([]Leader, error) {
	leaders, err := k.Store.Leaders(ctx)
	if err != nil {
		return nil, err
	}
	units, err := k.Store.Units(ctx)
	if err != nil {
		return nil, err
	}
	return SuggestReaders(d, leaders, units), nil
}

// Circulate sends an incoming document round readers (传阅), in the order
// given, from today. It must be 待批示, 已批示, 承办中 or 已办结 (CanCirculate),
// and no reader may be given it again before returning it.
func (k *Desk) Circulate(ctx context.Context, id int64, readers []string) (*Document, error) {
	return k.changeDoc(ctx, id, "传阅", func(_ Tx, d *Document) (string, error) {
		return strings.Join(readers, "、"), d.Circulate(readers, k.Today())
	})
}

// ReturnCirculation records that the reader of row seq gave the document
// back on day on; that reader must still hold it (CanReturnCirculation).
func (k *Desk) ReturnCirculation(ctx context.Context, id int64, seq int, on Date, comment string) (*Document, error) {
	return k.changeDoc(ctx, id, "传阅退回", func(_ Tx, d *Document) (string, error) {
		err := d.ReturnCirculation(seq, on, comment)
		reader := ""
		for _, c := range d.Circulations {
			if c.Seq == seq {
				reader = c.Reader
			}
		}
		return reader + " " + comment, err
	})
}

// Remind records a 催办 today under the operator of ctx; an empty text is
// the usual one naming the unit and the due date. The document must be
// 承办中 (CanRemind).
func (k *Desk) Remind(ctx context.Context, id int64, text string) (*Document, error) {
	return k.changeDoc(ctx, id, "催办", func(_ Tx, d *Document) (string, error) {
		err := d.Remind(k.Today(), text, k.Operator(ctx))
		if err != nil {
			return "", err
		}
		return d.Reminders[len(d.Reminders)-1].Text, nil
	})
}

// Complete records the 办理结果 today (办结). The document must be 承办中, or,
// for a 阅件, also 待批示 or 已批示 (CanComplete); a 办件 needs a result.
func (k *Desk) Complete(ctx context.Context, id int64, result string) (*Document, error) {
	return k.changeDoc(ctx, id, "办结", func(_ Tx, d *Document) (string, error) {
		return result, d.Complete(result, k.Today())
	})
}

// ReturnToSender is 退文 today, for a preset cause with the particulars. The document must be 待拟办 or
// 待批示 (CanReturnToSender).
func (k *Desk) ReturnToSender(ctx context.Context, id int64, cause ReturnCause, reason string) (*Document, error) {
	return k.changeDoc(ctx, id, "退文", func(_ Tx, d *Document) (string, error) {
		return strings.TrimSuffix(string(cause)+"："+strings.TrimSpace(reason), "："), d.ReturnToSender(cause, reason, k.Today())
	})
}

// Transfer is 转办 today to the competent unit, with the reason. The
// document must be 待拟办 or 待批示 (CanTransfer).
func (k *Desk) Transfer(ctx context.Context, id int64, to, reason string) (*Document, error) {
	return k.changeDoc(ctx, id, "转办", func(_ Tx, d *Document) (string, error) {
		return to + "：" + reason, d.Transfer(to, reason, k.Today())
	})
}

// Archive files the document (归档) with the next 件号 of its year and
// retention. An incoming document must be 已办结 and back from every
// reader, an outgoing one 已印发; the 全宗号 must be in the settings. The
// 件号 is taken only once the filing is allowed.
func (k *Desk) Archive(ctx context.Context, id int64, year int, retention Retention) (*Document, error) {
	st := k.Settings()
	return k.changeDoc(ctx, id, "归档", func(tx Tx, d *Document) (string, error) {
		a := Archive{Fonds: st.FondsCode, Year: year, Retention: retention, OrgCode: st.OrgCode, FiledOn: k.Today()}
		if err := d.CheckArchive(a); err != nil {
			return "", err
		}
		n, err := tx.NextNumber(fmt.Sprintf("archive:%d:%s", year, retention))
		if err != nil {
			return "", err
		}
		a.Piece = n
		if err := d.ArchiveAs(a); err != nil {
			return "", err
		}
		return d.Archive.Number(), nil
	})
}

// CheckDraft records the 核稿 of an outgoing draft, today, by the operator
// of ctx. The draft must be 待核稿 (CanCheckDraft).
func (k *Desk) CheckDraft(ctx context.Context, id int64) (*Document, error) {
	return k.changeDoc(ctx, id, "核稿", func(_ Tx, d *Document) (string, error) {
		return "", d.CheckDraft(k.Operator(ctx), k.Today())
	})
}

// ReviewDraft records a 审核 on day on by a 副主任, the 主任 or a leader the
// office's signing rules name for the draft's reviews, himself or as the
// recorded stand-in of one on that day (the review keeps the post acted in
// and whom he stood in for); the 主任's makes the draft 待签发. The draft
// must be 待审核 or 待签发 (CanReview). A name not on the 领导名单 is refused
// naming the post due (the 副主任 first, then the 主任), so that it can be
// added with it.
func (k *Desk) ReviewDraft(ctx context.Context, id int64, leaderName, opinion string, on Date) (*Document, error) {
	l, err := k.leaderFor(ctx, leaderName, func() Role { // the 副主任 first, then the 主任
		if d, err := k.Store.Document(ctx, id); err == nil {
			for _, r := range d.Reviews {
				if r.Role == RoleDeputyDirector {
					return RoleOfficeDirector
				}
			}
		}
		return RoleDeputyDirector
	})
	if err != nil {
		return nil, err
	}
	return k.changeDoc(ctx, id, "审核", func(tx Tx, d *Document) (string, error) {
		if err := d.CanReview(); err != nil {
			return "", err
		}
		auth, err := k.authority(tx)
		if err != nil {
			return "", err
		}
		posts := []Role{RoleDeputyDirector, RoleOfficeDirector}
		if rule, ok := k.Settings().SigningRuleFor(d); ok {
			for _, p := range rule.Reviewers() {
				if !slices.Contains(posts, p) {
					posts = append(posts, p)
				}
			}
		}
		acting, err := auth.ActingAs(l, posts, on)
		if ErrorCode(err) == ENOTFOUND {
			return "", Errorf(EINVALID, "这份公文的审核应由%s进行，%s是%s", orPosts(posts), l.Name, l.Role)
		} else if err != nil {
			return "", err
		}
		in := acting.Leader
		in.Role = acting.Post()
		if err := d.ReviewDraft(in, on, opinion); err != nil {
			return "", err
		}
		d.Reviews[len(d.Reviews)-1].For = acting.For.Name
		return acting.HistoryText("审核") + " " + opinion, nil
	})
}

// Sign records the 签发 and takes the next serial of the issuing code's
// year. The draft must be 待签发 (CanSign), its 发文代字 in the settings, and
// the signer, the reviews and the order they came in be what the office's
// signing rules ask of its body and kind (Authority.CheckSignature), the
// signer himself or the recorded stand-in of the leader who signs; only then
// is the number taken, in the same transaction, so numbers have no gaps.
// The document keeps the printed signature (李四（代）) and whom he stood in for.
func (k *Desk) Sign(ctx context.Context, id int64, leaderName string, on Date) (*Document, error) {
	l, err := k.leaderFor(ctx, leaderName, func() Role {
		if d, err := k.Store.Document(ctx, id); err == nil {
			if rule, ok := k.Settings().SigningRuleFor(d); ok {
				return rule.Signers[0]
			}
		}
		return ""
	})
	if err != nil {
		return nil, err
	}
	return k.changeDoc(ctx, id, "签发", func(tx Tx, d *Document) (string, error) {
		code, ok := k.Settings().IssuingCodeFor(d.IssuingCode)
		if !ok {
			return "", Errorf(EINVALID, "发文代字“%s”不在设置中", d.IssuingCode)
		}
		if err := d.CheckSign(l, on, code); err != nil {
			return "", err
		}
		auth, err := k.authority(tx)
		if err != nil {
			return "", err
		}
		sig, err := auth.CheckSignature(SignatureRequest{Body: code.Body, Kind: d.SigningKind, Reviews: d.Reviews, Signer: l, On: on})
		if err != nil {
			return "", err
		}
		n, err := tx.NextNumber(fmt.Sprintf("out:%s:%d", code.Code, on.Year))
		if err != nil {
			return "", err
		}
		if err := d.Sign(l, on, code, n); err != nil {
			return "", err
		}
		d.SignedFor, d.SignerPrinted = sig.Acting.For.Name, sig.Printed(auth.Rules)
		return sig.Acting.HistoryText("签发") + "，" + d.DocNo, nil
	})
}

// Issue records the 印发 on day on with the number of copies printed. The
// document must be 待印发 (CanIssue).
func (k *Desk) Issue(ctx context.Context, id int64, on Date, printCount int) (*Document, error) {
	return k.changeDoc(ctx, id, "印发", func(_ Tx, d *Document) (string, error) {
		return fmt.Sprintf("印数%d", printCount), d.Issue(on, printCount)
	})
}
