package attest

import (
	"context"
	"encoding/base64"
	"os"
	"strings"
	"testing"
)

func statement(t *testing.T) []byte {
	t.Helper()
	st, err := NewStatement(SHA256Subjects([]string{"evidence/a.yaml"}, []string{strings.Repeat("ab", 32)}),
		[]byte(`{"as_of":"2026-11-30"}`))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSignVerifyRoundTrip(t *testing.T) {
	priv, pub, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	env, err := Sign(ctx, statement(t), priv)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Verify(ctx, env, pub)
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseStatement(got)
	if err != nil {
		t.Fatal(err)
	}
	if st.Subject[0].Name != "evidence/a.yaml" || string(st.Predicate) != `{"as_of":"2026-11-30"}` {
		t.Errorf("statement %+v", st)
	}

	// A changed payload no longer verifies.
	tampered := *env
	tampered.Payload = base64.StdEncoding.EncodeToString([]byte(strings.Replace(string(got), "2026-11-30", "2026-12-01", 1)))
	if _, err := Verify(ctx, &tampered, pub); err == nil || !strings.Contains(err.Error(), "does not verify") {
		t.Errorf("tampered payload: %v", err)
	}
	// Another key does not verify it either.
	_, other, _ := GenerateKey()
	if _, err := Verify(ctx, env, other); err == nil {
		t.Error("verified with the wrong key")
	}
}

// TestOpenSSLKeys signs with a key pair that `openssl genpkey -algorithm ed25519` made.
func TestOpenSSLKeys(t *testing.T) {
	priv, err := os.ReadFile("testdata/openssl-ed25519.pem")
	if err != nil {
		t.Fatal(err)
	}
	pub, err := os.ReadFile("testdata/openssl-ed25519.pub.pem")
	if err != nil {
		t.Fatal(err)
	}
	env, err := Sign(context.Background(), statement(t), priv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(context.Background(), env, pub); err != nil {
		t.Fatal(err)
	}
}

func TestBadKey(t *testing.T) {
	if _, err := Sign(context.Background(), statement(t), []byte("not a key")); err == nil || !strings.Contains(err.Error(), "read key") {
		t.Errorf("want a read key error, got %v", err)
	}
}
