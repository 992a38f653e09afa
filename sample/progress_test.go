package sample_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"gongwen/sample"
)

// The load tells which part it is making, each step once, in order.
func TestLoadTellsProgress(t *testing.T) {
	ctx := context.Background()
	_, desk := sample.OpenTestDesk(t, filepath.Join(t.TempDir(), "sample.db"))
	var told []string
	last := time.Now()
	loaded, err := sample.LoadWithProgress(ctx, desk, func(step, total int, what string) {
		t.Logf("%v before step %d", time.Since(last), step) // where the time goes, for the record
		last = time.Now()
		told = append(told, fmt.Sprintf("%d/%d %s", step, total, what))
	})
	if err != nil || !loaded {
		t.Fatalf("load: %v %v", loaded, err)
	}
	want := "[1/6 单位、领导和印章 2/6 收文登记簿 3/6 发文登记簿 4/6 用印申请 5/6 会议和会议纪要 6/6 督查事项]"
	if fmt.Sprint(told) != want {
		t.Errorf("progress told %v, want %v", told, want)
	}
}
