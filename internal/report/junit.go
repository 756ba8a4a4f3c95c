package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/annexa-dev/annexa/internal/catalog"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// WriteJUnit writes JUnit XML: a test suite per standard and group, a test case per control.
// Failing controls carry their failing findings; not-applicable, waived, not-exercised and
// not-implemented controls are skipped with the reason.
func WriteJUnit(w io.Writer, r *Report) error {
	out := junitSuites{Name: "annexa"}
	for _, c := range r.Controls {
		name := fmt.Sprintf("%s / %s", catalog.StandardTitle(c.Standard), groupLabel(c))
		if len(out.Suites) == 0 || out.Suites[len(out.Suites)-1].Name != name {
			out.Suites = append(out.Suites, junitSuite{Name: name, Timestamp: r.AsOf + "T00:00:00",
				Properties: []junitProperty{{Name: "as_of", Value: r.AsOf}, {Name: "bundle_sha256", Value: r.Bundle.SHA256}}})
		}
		cur := &out.Suites[len(out.Suites)-1]
		tc := junitCase{
			Name:      c.ID + " " + c.Title,
			Classname: strings.ReplaceAll(c.Standard+"."+c.Group, " ", "_"),
			Time:      "0",
		}
		switch c.Status {
		case StatusFail:
			first, body := problems(c, StatusFail)
			tc.Failure = &junitProblem{Message: first, Type: "fail", Body: body}
			cur.Failures++
		case StatusError:
			first, body := problems(c, StatusError)
			tc.Error = &junitProblem{Message: first, Type: "error", Body: body}
			cur.Errors++
		case StatusNotApplicable, StatusWaived, StatusNotExercised, StatusNotImplemented:
			tc.Skipped = &junitSkipped{Message: strings.ReplaceAll(c.Status, "_", " ") + ": " + reason(c)}
			cur.Skipped++
		default:
			tc.SystemOut = passSummary(c)
		}
		cur.Tests++
		cur.Cases = append(cur.Cases, tc)
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// problems returns the first failing finding and all of them, with their evidence.
func problems(c Control, outcome string) (string, string) {
	var first string
	var b strings.Builder
	for _, f := range c.Findings {
		if f.Outcome != outcome {
			continue
		}
		line := fmt.Sprintf("%s: %s%s", f.Rule, f.Message, where(f))
		if first == "" {
			first = line
		}
		b.WriteString(line + "\n")
	}
	return first, b.String()
}

func reason(c Control) string {
	for _, f := range c.Findings {
		return f.Message
	}
	return ""
}

func passSummary(c Control) string {
	var b strings.Builder
	for _, f := range c.Findings {
		fmt.Fprintf(&b, "%s %s: %s\n", f.Rule, f.Outcome, f.Message)
	}
	return b.String()
}
