package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A flow that wraps to more lines when the window narrows pushes what is
// under it down, and takes the room back when the window widens again:
// nothing is drawn over the flow's last line, and no empty band is left.
func TestFlowMovesWhatIsUnderItWhenItWraps(t *testing.T) {
	test.NewTempApp(t)
	var buttons []fyne.CanvasObject
	for _, s := range []string{"登记收文", "拟稿登记", "用印申请", "督办事项", "月度督查通报", "归档目录", "导入模板"} {
		buttons = append(buttons, widget.NewButton(s, nil))
	}
	flow := NewFlow(buttons...)
	below := widget.NewLabel("表头")
	w := test.NewTempWindow(t, container.NewBorder(container.NewVBox(flow, below), nil, nil, nil))
	check := func(width float32) {
		t.Helper()
		w.Resize(fyne.NewSize(width, 600))
		// the window is laid out again after the flow's own layout: wait
		// for it (generously: only a broken flow takes that long)
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
			var settled bool
			fyne.DoAndWait(func() {
				settled = below.Position().Y >= flow.Position().Y+flow.Size().Height && flow.Size().Height <= flow.MinSize().Height+1
			})
			if settled {
				break
			}
		}
		bottom := flow.Position().Y + flow.Size().Height
		if top := below.Position().Y; top < bottom {
			t.Errorf("at %v px the label starts at %v, inside the flow that ends at %v", width, top, bottom)
		}
		if got, want := flow.Size().Height, flow.MinSize().Height; got > want+1 {
			t.Errorf("at %v px the flow is %v tall for %v of lines", width, got, want)
		}
	}
	check(1280)
	check(420)
	check(1280)
}
