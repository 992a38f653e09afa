package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"gongwen/app"
)

// capture writes the window to a PNG when GONGWEN_SHOTS names a folder (to
// look at the new dialogs).
func (h *harness) capture(name string) {
	h.t.Helper()
	dir := os.Getenv("GONGWEN_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		h.t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, h.u.win.Canvas().Capture()); err != nil {
		h.t.Fatal(err)
	}
}

func progressBar(h *harness) *widget.ProgressBar {
	for _, o := range test.LaidOutObjects(h.u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.ProgressBar); ok {
			return b
		}
	}
	return nil
}

// Loading the sample office shows which part is being made, in a dialog
// that covers the window until the office is there.
func TestSampleLoadShowsProgress(t *testing.T) {
	h := openHarness(t, func(*app.Desk) {})
	reached, release := make(chan struct{}), make(chan struct{})
	h.u.env.LoadSample = func(ctx context.Context, d *app.Desk, progress func(int, int, string)) error {
		progress(1, 6, "单位、领导和印章")
		progress(2, 6, "收文登记簿")
		reached <- struct{}{}
		<-release
		return d.SaveSettings(ctx, app.Settings{OrgName: "示例区人民政府办公室", Operators: []string{"张文书"}, Rules: app.DefaultRules()})
	}
	f := h.form()
	f.Get("开始方式").(*widget.RadioGroup).SetSelected(startSample)
	h.u.shortcutSave()
	<-reached
	h.capture("sample-progress")
	if !h.shows("第2步，共6步：收文登记簿") {
		t.Error("the dialog does not say what is being loaded")
	}
	if b := progressBar(h); b == nil || b.Value != 1.0/6 {
		t.Errorf("progress bar: %+v", b)
	}
	close(release)
	h.u.Wait()
	if progressBar(h) != nil {
		t.Error("the progress dialog stayed after loading")
	}
	if h.u.desk.Settings().OrgName != "示例区人民政府办公室" {
		t.Error("the office was not loaded")
	}
}
