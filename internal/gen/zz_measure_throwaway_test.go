package gen

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"
)

func TestMeasureThrowaway(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("N"))
	if n == 0 {
		t.Skip()
	}
	opts := Options{Records: n, Seed: 1, SingleFile: os.Getenv("SINGLE") != ""}
	if os.Getenv("BASE") != "" {
		opts.Base = os.DirFS("../../evidence")
	}
	start := time.Now()
	files, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	d := time.Since(start)
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("N=%d base=%v: %v, %d files, %.1f MB output, total alloc %.0f MB, heap sys %.0f MB",
		n, opts.Base != nil, d.Round(time.Millisecond), len(files), float64(size)/1e6, float64(ms.TotalAlloc)/1e6, float64(ms.HeapSys)/1e6)
}
