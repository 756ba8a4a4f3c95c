package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress shows what a long run is doing, on a terminal only: a run that takes longer than a
// second writes one status line to standard error, rewritten in place, and clears it at the
// end. Nothing is written when standard error is not a terminal, or in CI.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	start   time.Time
	phase   string
	shown   bool
	stop    chan struct{}
	stopped sync.Once
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now(), stop: make(chan struct{})}
	_, ci := os.LookupEnv("CI")
	p.on = !ci && colorEnabledForProgress(w)
	if p.on {
		go p.loop()
	}
	return p
}

func colorEnabledForProgress(w io.Writer) bool {
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal(w)
}

// set names the current phase, such as "validating 120000 records in 3400 files".
func (p *progress) set(format string, args ...any) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.phase = fmt.Sprintf(format, args...)
	p.mu.Unlock()
}

func (p *progress) loop() {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			if time.Since(p.start) < time.Second {
				continue
			}
			p.mu.Lock()
			fmt.Fprintf(p.w, "\r\x1b[Kannexa: %s (%.0fs)", p.phase, time.Since(p.start).Seconds())
			p.shown = true
			p.mu.Unlock()
		}
	}
}

// done clears the status line.
func (p *progress) done() {
	if p == nil || !p.on {
		return
	}
	p.stopped.Do(func() {
		close(p.stop)
		p.mu.Lock()
		if p.shown {
			fmt.Fprint(p.w, "\r\x1b[K")
		}
		p.mu.Unlock()
	})
}
