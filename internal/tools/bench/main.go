// Command bench measures annexa on generated bundles of growing size and compares it, in the
// same run, with the two-CLI baseline (cue vet with annexa's schemas, then opa eval with
// annexa's policies on the same records). `make bench` runs it; BENCH_SIZES=1000,10000,100000,1000000
// adds the million.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type run struct {
	wall     time.Duration
	cpu      time.Duration
	maxKB    int64
	out      []byte
	err      []byte
	timedOut bool
}

func measure(dir string, env []string, name string, args ...string) (run, error) {
	return measureWithin(0, dir, env, name, args...)
}

// measureWithin runs a command and measures it; with a limit, a run that takes longer is
// killed and reported as timed out.
func measureWithin(limit time.Duration, dir string, env []string, name string, args ...string) (run, error) {
	ctx := context.Background()
	if limit > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, limit)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := run{wall: time.Since(start), out: out.Bytes(), err: errb.Bytes()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxKB = ru.Maxrss
		r.cpu = time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime))
	}
	if ctx.Err() != nil {
		r.timedOut = true
		return r, nil
	}
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // failing controls: a normal outcome
	}
	if err != nil {
		return r, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return r, nil
}

func modVersion(root, mod string) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", mod).Output()
	if err != nil {
		return "latest"
	}
	return strings.TrimSpace(string(out))
}

func main() {
	sizes := flag.String("sizes", envOr("BENCH_SIZES", "1000,10000,100000"), "bundle sizes in records")
	baseline := flag.Bool("baseline", envOr("BENCH_BASELINE", "1") == "1", "also run the cue vet + opa eval baseline")
	baseLimit := flag.Duration("baseline-timeout", 10*time.Minute, "stop a baseline run after this long and report it as a lower bound")
	flag.Parse()
	root, _ := os.Getwd()
	work, err := os.MkdirTemp("", "annexa-bench-")
	check(err)
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "annexa")
	fmt.Fprintf(os.Stderr, "building annexa...\n")
	_, err = measure(root, nil, "go", "build", "-o", bin, "./cmd/annexa")
	check(err)

	var cueBin, opaBin string
	if *baseline {
		gobin := filepath.Join(cacheDir(), "bin")
		cueV, opaV := modVersion(root, "cuelang.org/go"), modVersion(root, "github.com/open-policy-agent/opa")
		cueBin = filepath.Join(gobin, "cue-"+cueV)
		opaBin = filepath.Join(gobin, "opa-"+opaV)
		install(root, gobin, "cuelang.org/go/cmd/cue@"+cueV, "cue", cueBin)
		install(root, gobin, "github.com/open-policy-agent/opa@"+opaV, "opa", opaBin)
	}

	fmt.Printf("machine: %s/%s, %d CPUs, %s; as-of 2026-11-30\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().UTC().Format("2006-01-02"))
	fmt.Printf("%9s %7s %9s %8s %8s | %8s %9s %8s %9s %7s | %10s %9s %7s\n", "records", "files", "wall", "cpu", "peak MB",
		"decode", "validate", "compile", "evaluate", "render", "baseline", "base MB", "ratio")
	var walls []float64
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		check(err)
		dir := filepath.Join(work, "b"+s)
		_, err = measure(root, nil, bin, "gen", "--records", s, "--seed", "1", "--base", "evidence", dir)
		check(err)
		input := filepath.Join(work, "input-"+s+".json")
		r, err := measure(root, nil, bin, "eval", dir, "--as-of", "2026-11-30", "--format", "json", "--timings",
			"--limit", "file-size=2GiB")
		check(err)
		var t map[string]float64
		check(json.Unmarshal(lastLine(r.err), &t))
		base, baseKB, ratio := "-", "-", "-"
		if *baseline {
			_, err = measure(root, nil, bin, "eval", dir, "--as-of", "2026-11-30", "--format", "json", "--dump-input", input,
				"--limit", "file-size=2GiB")
			check(err)
			b, kb, done, err := runBaseline(root, work, dir, input, cueBin, opaBin, *baseLimit)
			switch {
			case err != nil:
				fmt.Fprintf(os.Stderr, "baseline at %s records: %v\n", s, err)
				base = "failed"
			default:
				base = secs(b)
				baseKB = fmt.Sprint(kb / 1024)
				ratio = fmt.Sprintf("%.1fx", b.Seconds()/r.wall.Seconds())
				if !done {
					base, ratio = ">"+base, ">"+ratio
				}
			}
		}
		fmt.Printf("%9d %7.0f %9s %8s %8d | %8s %9s %8s %9s %7s | %10s %9s %7s\n", int(t["records"]), t["files"],
			secs(r.wall), secs(r.cpu), r.maxKB/1024, ms(t["decode_ms"]), ms(t["validate_ms"]), ms(t["compile_ms"]),
			ms(t["evaluate_ms"]), ms(t["render_ms"]), base, baseKB, ratio)
		walls = append(walls, r.wall.Seconds())
		ns = append(ns, n)
		os.RemoveAll(dir)
		os.Remove(input)
	}
	for i := 1; i < len(walls); i++ {
		fmt.Printf("\ncost from %d to %d records: time x%.1f for records x%.0f", ns[i-1], ns[i], walls[i]/walls[i-1],
			float64(ns[i])/float64(ns[i-1]))
	}
	fmt.Println()
}

// runBaseline runs the scripted alternative: cue vet of every file against the union of the
// kinds, then opa eval of the policies on the same records. It stops after limit and then
// reports the time so far, a lower bound, with done false.
func runBaseline(root, work, dir, input, cueBin, opaBin string, limit time.Duration) (time.Duration, int64, bool, error) {
	schemaDir := filepath.Join(work, "schemas")
	os.RemoveAll(schemaDir)
	check(os.MkdirAll(schemaDir, 0o755))
	cues, _ := filepath.Glob(filepath.Join(root, "schemas", "*.cue"))
	var kinds []string
	for _, f := range cues {
		b, _ := os.ReadFile(f)
		check(os.WriteFile(filepath.Join(schemaDir, filepath.Base(f)), b, 0o644))
		for _, line := range strings.Split(string(b), "\n") {
			if k, ok := strings.CutPrefix(line, "\tkind!: \""); ok {
				kinds = append(kinds, "#"+strings.TrimSuffix(k, "\""))
			}
		}
	}
	sort.Strings(kinds)
	check(os.WriteFile(filepath.Join(schemaDir, "zz_any.cue"), []byte("package schemas\n\n#Any: "+strings.Join(kinds, " | ")+"\n"), 0o644))
	var files []string
	check(filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".json")) {
			files = append(files, p)
		}
		return err
	}))
	args := append([]string{"vet", "-c", "-d", "#Any", "."}, files...)
	cue, err := measureWithin(limit, schemaDir, nil, cueBin, args...)
	if err != nil || cue.timedOut {
		return cue.wall, cue.maxKB, false, err
	}
	// The findings of every control, as annexa asks for them: data.annexa as a whole would
	// also write out every helper rule of the library.
	query := `x := {k: f | f := data.annexa.iso27001[k].findings}; y := {k: f | f := data.annexa.iso42001[k].findings}`
	opa, err := measureWithin(limit-cue.wall, root, nil, opaBin, "eval", "--format", "json", "-d", "policies", "-i", input, query)
	if err != nil {
		return 0, 0, false, err
	}
	return cue.wall + opa.wall, max(cue.maxKB, opa.maxKB), !opa.timedOut, nil
}

func install(root, gobin, pkg, name, target string) {
	if _, err := os.Stat(target); err == nil {
		return
	}
	fmt.Fprintf(os.Stderr, "installing %s for the baseline (once)...\n", pkg)
	check(os.MkdirAll(gobin, 0o755))
	tmp, err := os.MkdirTemp("", "annexa-bench-gobin-")
	check(err)
	defer os.RemoveAll(tmp)
	_, err = measure(os.TempDir(), []string{"GOBIN=" + tmp, "GOFLAGS=-mod=mod"}, "go", "install", pkg)
	check(err)
	check(os.Rename(filepath.Join(tmp, name), target))
}

func cacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	return filepath.Join(d, "annexa-bench")
}

func lastLine(b []byte) []byte {
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	return lines[len(lines)-1]
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }
func ms(v float64) string         { return fmt.Sprintf("%.2fs", v/1000) }

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
