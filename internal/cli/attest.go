package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/annexa-dev/annexa/internal/attest"
	"github.com/annexa-dev/annexa/internal/bundle"
	"github.com/annexa-dev/annexa/internal/catalog"
	"github.com/annexa-dev/annexa/internal/report"
)

const attestLong = `Evaluate the evidence and sign the result: an in-toto Statement (v1) whose subjects are the
evidence files with their sha256 digests and whose predicate is the canonical JSON report,
in a DSSE envelope signed with a private key (PKCS#8 PEM: ed25519, ECDSA or RSA, as
'openssl genpkey -algorithm ed25519' or 'annexa keygen' writes).

With --ref the evidence is read from that commit and as-of defaults to its commit date, so
'annexa verify' can replay the evaluation later from the repository alone.

Examples:
  annexa keygen annexa-signing
  annexa attest --ref v2026.3 --key annexa-signing.key --output v2026.3.intoto.json
  annexa verify v2026.3.intoto.json --key annexa-signing.pub`

type attestOptions struct {
	dir, ref, asOf, standard string
	key, output              string
	strict                   bool
}

func newAttestCmd(a *app) *cobra.Command {
	opts := &attestOptions{}
	cmd := &cobra.Command{
		Use:   "attest [DIR]",
		Short: "Evaluate the evidence and sign the result as an in-toto attestation",
		Long:  attestLong,
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = dirArg(args)
			if opts.key == "" || opts.output == "" {
				return usageError("attest needs --key PRIVATE.pem and --output ENVELOPE.json")
			}
			return runAttest(cmd, a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.ref, "ref", "", "read the evidence at this git ref; as-of defaults to its commit date")
	f.StringVar(&opts.asOf, "as-of", "", "evaluate as of this date, YYYY-MM-DD")
	f.StringVar(&opts.standard, "standard", "", "only this standard: iso27001 or iso42001")
	f.BoolVar(&opts.strict, "strict", false, "strict replay: leave out what was first committed after the as-of date")
	f.StringVar(&opts.key, "key", "", "the private key, PEM (PKCS#8)")
	f.StringVarP(&opts.output, "output", "o", "", "where to write the signed envelope")
	return cmd
}

func runAttest(cmd *cobra.Command, a *app, opts *attestOptions) error {
	key, err := os.ReadFile(opts.key)
	if err != nil {
		return usageError("--key: %v", unwrapPathError(err))
	}
	if _, err := parseAsOf(opts.asOf); err != nil {
		return err
	}
	a.startEngine()
	ev, evErr := a.loadEvidence(opts.dir, opts.ref)
	eng, err := a.engine()
	if err != nil {
		return err
	}
	controls, err := scope(eng, opts.standard, "")
	if err != nil {
		return err
	}
	if evErr != nil {
		return evErr
	}
	if err := ev.check(cmd.ErrOrStderr()); err != nil {
		return err
	}
	asOf, err := ev.asOfFor(opts.asOf)
	if err != nil {
		return err
	}
	if opts.strict {
		if err := ev.applyStrict(asOf); err != nil {
			return err
		}
	}
	rep, err := ev.evaluate(cmd.Context(), eng, asOf, controls)
	if err != nil {
		return err
	}
	predicate, err := report.Canonical(rep)
	if err != nil {
		return err
	}
	var paths, digests []string
	for _, f := range rep.Provenance.Evidence {
		paths = append(paths, f.Path)
		digests = append(digests, f.SHA256)
	}
	st, err := attest.NewStatement(attest.SHA256Subjects(paths, digests), predicate)
	if err != nil {
		return err
	}
	env, err := attest.Sign(cmd.Context(), st, key)
	if err != nil {
		return usageError("--key %s: %v", opts.key, err)
	}
	err = writeOutput(cmd.OutOrStdout(), opts.output, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(env)
	})
	if err != nil {
		return err
	}
	where := "the work tree"
	if rep.Bundle.Commit != "" {
		where = "commit " + rep.Bundle.Commit[:12]
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "signed the evaluation of %s as of %s (%s) into %s\n",
		where, asOf, countsLine(rep.Summary), opts.output)
	return nil
}

func countsLine(m map[string]int) string {
	var b bytes.Buffer
	for i, s := range report.PresentStatuses(m) {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d %s", m[s], s)
	}
	return b.String()
}

const verifyLong = `Check a signed evaluation: the signature with the public key, then replay the evaluation it
records (the same commit, evidence folder, as-of date and standards) in this repository, and
compare digests. Exit code 0 only when everything matches; otherwise annexa says what differs
(an evidence file, the policy set, the schemas, the parameters, the tool version, or the
result) and exits 1.

Example:
  annexa verify v2026.3.intoto.json --key annexa-signing.pub`

type verifyOptions struct {
	envelope, key string
}

func newVerifyCmd(a *app) *cobra.Command {
	opts := &verifyOptions{}
	cmd := &cobra.Command{
		Use:   "verify ENVELOPE.json",
		Short: "Verify a signed evaluation and replay it from the repository",
		Long:  verifyLong,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.envelope = args[0]
			if opts.key == "" {
				return usageError("verify needs --key PUBLIC.pem")
			}
			return runVerify(cmd, a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.key, "key", "", "the public key, PEM (SubjectPublicKeyInfo)")
	return cmd
}

// mismatch reports that verification failed; the reasons have been printed.
func mismatch(w io.Writer, reasons []string) error {
	for _, r := range reasons {
		fmt.Fprintf(w, "annexa: verify: %s\n", r)
	}
	return failed()
}

func runVerify(cmd *cobra.Command, a *app, opts *verifyOptions) error {
	errw := cmd.ErrOrStderr()
	key, err := os.ReadFile(opts.key)
	if err != nil {
		return usageError("--key: %v", unwrapPathError(err))
	}
	raw, err := os.ReadFile(opts.envelope)
	if err != nil {
		return usageError("%s: %v", opts.envelope, unwrapPathError(err))
	}
	var env attest.Envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return mismatch(errw, []string{fmt.Sprintf("%s is not a DSSE envelope: %v", opts.envelope, err)})
	}
	payload, err := attest.Verify(cmd.Context(), &env, key)
	if err != nil {
		return mismatch(errw, []string{err.Error()})
	}
	st, err := attest.ParseStatement(payload)
	if err != nil {
		return mismatch(errw, []string{err.Error()})
	}
	recorded, err := report.ReadJSON(bytes.NewReader(st.Predicate))
	if err != nil {
		return mismatch(errw, []string{"the predicate is not an annexa report: " + err.Error()})
	}
	var reasons []string
	if !subjectsMatch(st.Subject, recorded.Provenance.Evidence) {
		reasons = append(reasons, "the statement's subjects do not match the evidence its report lists")
	}
	ev, err := a.loadEvidence(filepath.FromSlash(recorded.Bundle.Path), recorded.Bundle.Commit)
	if err != nil {
		return mismatch(errw, append(reasons, "cannot read the recorded evidence: "+err.Error()))
	}
	if errs := bundle.Errors(ev.diags); len(errs) > 0 {
		return mismatch(errw, append(reasons, fmt.Sprintf("the recorded evidence is now invalid (%d problems, first: %s)",
			len(errs), errs[0])))
	}
	if recorded.Strict != nil {
		if err := ev.applyStrict(recorded.AsOf); err != nil {
			return mismatch(errw, append(reasons, "cannot replay strictly: "+err.Error()))
		}
	}
	eng, err := a.engine()
	if err != nil {
		return err
	}
	all, err := scope(eng, "", "")
	if err != nil {
		return err
	}
	var controls []catalog.Control
	for _, c := range recorded.Controls {
		for _, ctl := range all {
			if ctl.ID == c.ID {
				controls = append(controls, ctl)
			}
		}
	}
	replayed, err := ev.evaluate(cmd.Context(), eng, recorded.AsOf, controls)
	if err != nil {
		return err
	}
	reasons = append(reasons, compareProvenance(recorded, replayed)...)
	want, _ := report.Canonical(recorded)
	got, _ := report.Canonical(replayed)
	if len(reasons) == 0 && !bytes.Equal(want, got) {
		reasons = append(reasons, "the replayed result differs from the signed one although every input matches")
	}
	if len(reasons) > 0 {
		return mismatch(errw, reasons)
	}
	where := "the work tree"
	if recorded.Bundle.Commit != "" {
		where = "commit " + recorded.Bundle.Commit
	}
	fmt.Fprintf(cmd.OutOrStdout(), "verified: signature good; replaying %s as of %s gives the signed result (%s)\n",
		where, recorded.AsOf, countsLine(recorded.Summary))
	return nil
}

func subjectsMatch(subjects []attest.Subject, files []report.EvidenceFile) bool {
	if len(subjects) != len(files) {
		return false
	}
	for i, s := range subjects {
		if s.Name != files[i].Path || s.Digest["sha256"] != files[i].SHA256 {
			return false
		}
	}
	return true
}

// compareProvenance says what differs between the inputs of two evaluations.
func compareProvenance(rec, now *report.Report) []string {
	var out []string
	if rec.Tool.Version != now.Tool.Version {
		out = append(out, fmt.Sprintf("another tool version: signed with annexa %s, replayed with %s", rec.Tool.Version, now.Tool.Version))
	}
	if rec.Provenance.PoliciesSHA256 != now.Provenance.PoliciesSHA256 {
		out = append(out, fmt.Sprintf("another policy version: policy set sha256 %s was signed, this annexa has %s",
			rec.Provenance.PoliciesSHA256, now.Provenance.PoliciesSHA256))
	}
	if rec.Provenance.SchemasSHA256 != now.Provenance.SchemasSHA256 {
		out = append(out, fmt.Sprintf("other schemas: sha256 %s was signed, this annexa has %s",
			rec.Provenance.SchemasSHA256, now.Provenance.SchemasSHA256))
	}
	if rec.Provenance.ParametersSHA256 != now.Provenance.ParametersSHA256 {
		out = append(out, "other effective parameters than the signed ones")
	}
	before := map[string]string{}
	for _, f := range rec.Provenance.Evidence {
		before[f.Path] = f.SHA256
	}
	after := map[string]string{}
	for _, f := range now.Provenance.Evidence {
		after[f.Path] = f.SHA256
	}
	var paths []string
	for p := range before {
		paths = append(paths, p)
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		b, inBefore := before[p]
		a, inAfter := after[p]
		switch {
		case !inAfter:
			out = append(out, fmt.Sprintf("evidence file %s was signed but is not there now", p))
		case !inBefore:
			out = append(out, fmt.Sprintf("evidence file %s is new: it was not part of the signed evaluation", p))
		case a != b:
			out = append(out, fmt.Sprintf("evidence file %s changed: sha256 %s was signed, it is now %s", p, b, a))
		}
	}
	if rec.Bundle.Commit != now.Bundle.Commit {
		out = append(out, fmt.Sprintf("commit %s was signed, the replay read %s", rec.Bundle.Commit, now.Bundle.Commit))
	}
	return out
}

const keygenLong = `Make an ed25519 key pair for 'annexa attest': NAME.key (PKCS#8 PEM, readable only by you) and
NAME.pub (SubjectPublicKeyInfo PEM). Existing files are never overwritten.

Example:
  annexa keygen ci-signing`

func newKeygenCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "keygen NAME",
		Short: "Make an ed25519 key pair for signing evaluations",
		Long:  keygenLong,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			privFile, pubFile := args[0]+".key", args[0]+".pub"
			for _, f := range []string{privFile, pubFile} {
				if _, err := os.Stat(f); err == nil {
					return usageError("%s exists: annexa keygen never overwrites a key", f)
				}
			}
			priv, pub, err := attest.GenerateKey()
			if err != nil {
				return err
			}
			if err := writeNew(privFile, priv, 0o600); err != nil {
				return err
			}
			if err := writeNew(pubFile, pub, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (private, keep it secret) and %s (public)\n", privFile, pubFile)
			return nil
		},
	}
}

// writeNew creates a file that must not exist yet.
func writeNew(name string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return usageError("write %s: %v", name, unwrapPathError(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
