// Package attest wraps an evaluation in an in-toto Statement (v1) whose subjects are the
// evidence files, signs it in a DSSE envelope, verifies envelopes, and makes key pairs.
package attest

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/secure-systems-lab/go-securesystemslib/dsse"
	"github.com/secure-systems-lab/go-securesystemslib/signerverifier"
)

// Media and predicate types.
const (
	PayloadType   = "application/vnd.in-toto+json"
	StatementType = "https://in-toto.io/Statement/v1"
	PredicateType = "https://annexa.dev/evaluation/v1"
)

// Subject is one artefact the statement is about: an evidence file and its digest.
type Subject struct {
	Name   string            `json:"name"`
	Digest map[string]string `json:"digest"`
}

// Statement is an in-toto v1 Statement whose predicate is an annexa report.
type Statement struct {
	Type          string          `json:"_type"`
	Subject       []Subject       `json:"subject"`
	PredicateType string          `json:"predicateType"`
	Predicate     json.RawMessage `json:"predicate"`
}

// Envelope is a DSSE envelope.
type Envelope = dsse.Envelope

// NewStatement builds a statement over evidence files (path -> sha256) with a canonical
// report as predicate.
func NewStatement(files []Subject, predicate []byte) ([]byte, error) {
	st := Statement{Type: StatementType, Subject: files, PredicateType: PredicateType, Predicate: predicate}
	if len(st.Subject) == 0 {
		return nil, errors.New("a statement needs at least one subject: the bundle has no evidence files")
	}
	return json.Marshal(st)
}

// ParseStatement decodes and checks a statement.
func ParseStatement(b []byte) (*Statement, error) {
	var st Statement
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("decode statement: %w", err)
	}
	if st.Type != StatementType {
		return nil, fmt.Errorf("statement type %q, want %s", st.Type, StatementType)
	}
	if st.PredicateType != PredicateType {
		return nil, fmt.Errorf("predicate type %q, want %s", st.PredicateType, PredicateType)
	}
	return &st, nil
}

// loadSignerVerifier reads a PEM key (PKCS#8 private or SubjectPublicKeyInfo public, as
// `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` write; ECDSA and RSA keys work too).
func loadSignerVerifier(pemBytes []byte) (dsse.SignerVerifier, error) {
	key, err := signerverifier.LoadKey(pemBytes)
	if err != nil {
		return nil, fmt.Errorf("read key: %w", err)
	}
	switch key.KeyType {
	case signerverifier.ED25519KeyType:
		return signerverifier.NewED25519SignerVerifierFromSSLibKey(key)
	case signerverifier.ECDSAKeyType:
		return signerverifier.NewECDSASignerVerifierFromSSLibKey(key)
	case signerverifier.RSAKeyType:
		return signerverifier.NewRSAPSSSignerVerifierFromSSLibKey(key)
	}
	return nil, fmt.Errorf("read key: unsupported key type %s", key.KeyType)
}

// Sign signs a statement with a private key in PEM form.
func Sign(ctx context.Context, statement, privatePEM []byte) (*Envelope, error) {
	sv, err := loadSignerVerifier(privatePEM)
	if err != nil {
		return nil, err
	}
	signer, err := dsse.NewEnvelopeSigner(sv)
	if err != nil {
		return nil, err
	}
	return signer.SignPayload(ctx, PayloadType, statement)
}

// Verify checks an envelope's signature with a public key in PEM form and returns the
// statement it carries.
func Verify(ctx context.Context, env *Envelope, publicPEM []byte) ([]byte, error) {
	if env.PayloadType != PayloadType {
		return nil, fmt.Errorf("payload type %q, want %s", env.PayloadType, PayloadType)
	}
	sv, err := loadSignerVerifier(publicPEM)
	if err != nil {
		return nil, err
	}
	v, err := dsse.NewEnvelopeVerifier(sv)
	if err != nil {
		return nil, err
	}
	if _, err := v.Verify(ctx, env); err != nil {
		return nil, fmt.Errorf("the signature does not verify with this key: %w", err)
	}
	return env.DecodeB64Payload()
}

// GenerateKey makes an ed25519 key pair as PEM: PKCS#8 private, SubjectPublicKeyInfo public.
func GenerateKey() (privatePEM, publicPEM []byte, err error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	return encodeKeys(pub, priv)
}

func encodeKeys(pub crypto.PublicKey, priv crypto.PrivateKey) ([]byte, []byte, error) {
	p8, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, err
	}
	spki, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8}),
		pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: spki}), nil
}

// SHA256Subjects turns "path -> hex digest" pairs into subjects, in the given order.
func SHA256Subjects(paths, digests []string) []Subject {
	out := make([]Subject, len(paths))
	for i := range paths {
		out[i] = Subject{Name: paths[i], Digest: map[string]string{"sha256": digests[i]}}
	}
	return out
}
